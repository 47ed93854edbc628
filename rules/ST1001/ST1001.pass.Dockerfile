FROM alpine AS builder-base

FROM builder-base AS runtime
