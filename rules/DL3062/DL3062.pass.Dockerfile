FROM golang:1.22
# Versions and pseudo-versions.
RUN go install golang.org/x/tools/gopls@v0.16.1 && go get github.com/example/lib@v0.0.0-20240101000000-abcdef123456
# Local packages, patterns and files.
RUN go install . ./cmd/app /go/src/app ./... && go run main.go && go install tool && go get all
# go run's arguments after the module are the program's.
RUN go run github.com/example/gen@v1.2.3 --out /tmp/gen input
# Build flag values are not modules.
RUN go build -o /bin/app -ldflags "-s -w" ./cmd/app
