FROM golang:1.22
# latest moves with every release.
RUN go install golang.org/x/tools/gopls@latest
# No version at all; build flags and their values do not hide it.
RUN go install -ldflags "-s -w" -tags netgo github.com/example/tool
# go get and go run of modules without versions.
RUN go get github.com/example/lib && go run github.com/example/gen@master --out /tmp/gen
# go get -tool records a tool, at the newest version.
RUN go get -tool github.com/example/linter
# A trigger runs in the builds of child images.
ONBUILD RUN go install github.com/example/migrate@none
