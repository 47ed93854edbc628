FROM debian:12.5
# The deprecated instruction, in any case.
MAINTAINER Jane Doe <jane@example.com>
maintainer ops@example.com
