FROM ruby:3.3-slim
# No version.
RUN gem install bundler
# gem i is gem install; only the gem without a version is flagged.
RUN gem i rake:13.2.1 nokogiri
# Options do not hide the gem.
RUN gem install --no-document --install-dir /usr/local/bundle rails
# A trigger runs in the builds of child images.
ONBUILD RUN gem install rubocop
