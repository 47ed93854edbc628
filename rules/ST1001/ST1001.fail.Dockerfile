FROM alpine AS BuilderBase
RUN echo one

FROM BuilderBase AS RUNTIME
