FROM debian:12.5 AS build
# copied, never extracted in this stage
COPY packaged-app.tar /usr/src/app/
# not an archive name
COPY package.json /usr/src/app/
RUN tar -tf /usr/src/app/packaged-app.tar
FROM debian:12.5
# from another stage: ADD cannot do this
COPY --from=build /usr/src/app/packaged-app.tar /opt/some.tar
RUN tar -xf /opt/some.tar
# the stage copied nothing of that name
RUN tar -xf /usr/src/app/packaged-app.tar
