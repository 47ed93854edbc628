FROM debian:12.5 AS builder
from builder as runtime
