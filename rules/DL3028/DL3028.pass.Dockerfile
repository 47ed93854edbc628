FROM ruby:3.3-slim
# name:version.
RUN gem install bundler:2.5.10 rake:13.2.1
# -v, --version and --version= pin the command's gems.
RUN gem install bundler -v '2.5.10' && gem install rake --version 13.2.1 && gem install rails --version='7.1.3'
# After --, the words are the extension's build options.
RUN gem install nokogiri:1.16.5 -- --use-system-libraries true
# A local gem file.
RUN gem install ./vendor/app-1.0.gem
# Other subcommands install nothing.
RUN gem update --system 3.5.10 && gem cleanup
