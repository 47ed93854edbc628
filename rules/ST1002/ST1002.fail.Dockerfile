FROM debian:12.5 as builder
from builder AS runtime
