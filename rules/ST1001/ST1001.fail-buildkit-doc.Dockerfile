FROM alpine AS BuilderBase
