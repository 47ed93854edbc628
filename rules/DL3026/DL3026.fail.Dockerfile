ARG REGISTRY=ghcr.io
# Trusted (.config.yaml beside this file): Docker Hub and *.example.com.
FROM quay.io/prometheus/node-exporter:v1.8.1
# A build argument that names another registry.
FROM ${REGISTRY}/acme/tool:1.0
