// The engine context later rules need: comments, stages, mounts, declared ARGs (the
// Dockerfile model), ONBUILD triggers, the end-of-document hook and shared run views.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ast/dockerfile.hpp"
#include "engine/check.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/runs.hpp"
#include "parse/dockerfile_instructions.hpp"
#include "parse/dockerfile_parser.hpp"

using namespace strata;

namespace {

ast::dockerfile parse_text(const std::string& text) {
   return parse::parse_dockerfile("Dockerfile", text);
}

const ast::instruction& nth(const ast::dockerfile& df, std::string_view name, std::size_t n = 0) {
   for (const auto& inst : df.instructions) {
      if (inst.name == name && n-- == 0) return inst;
   }
   FAIL("no such instruction");
   return df.instructions.front();
}

}  // namespace

TEST_CASE("dockerfile model: comments with spans, in continuations too", "[engine-context]") {
   const auto df = parse_text(
       "# syntax=docker/dockerfile:1\n"
       "# hadolint ignore=DL3008\n"
       "FROM debian:12\n"
       "RUN apt-get update \\\n"
       "  # inside\n"
       "  && true\n"
       "   #trailing\n");
   REQUIRE(df.directives.size() == 1);
   REQUIRE(df.comments.size() == 3);
   CHECK(df.comments[0].raw == "# hadolint ignore=DL3008");
   CHECK(df.comments[0].text == " hadolint ignore=DL3008");
   CHECK(df.comments[0].where.start.line == 2);
   CHECK(df.comments[0].where.start.column == 1);
   CHECK(df.comments[0].where.stop.column == 25);
   CHECK_FALSE(df.comments[0].in_continuation);
   CHECK(df.comments[0].next_instruction == 0);
   CHECK(df.comments[1].text == " inside");
   CHECK(df.comments[1].in_continuation);
   CHECK(df.comments[1].where.start.line == 5);
   CHECK(df.comments[1].where.start.column == 3);
   CHECK(df.comments[1].next_instruction == 1);  // the RUN it sits in
   CHECK(df.comments[2].raw == "#trailing");
   CHECK(df.comments[2].next_instruction == df.instructions.size());
}

TEST_CASE("dockerfile model: stages know if they are final and reused", "[engine-context]") {
   const auto df = parse_text(
       "ARG BASE=debian:12\n"
       "FROM ${BASE} AS Build\n"
       "RUN make\n"
       "FROM alpine AS unused\n"
       "FROM alpine AS cache-src\n"
       "FROM build AS test\n"
       "FROM scratch\n"
       "COPY --from=BUILD /out /out\n"
       "RUN --mount=type=bind,from=cache-src,target=/src true\n"
       "COPY --from=3 /x /x\n");
   REQUIRE(df.stages.size() == 5);
   CHECK(df.stages[0].image == "${BASE}");
   CHECK(df.stages[0].image_expanded == "debian:12");
   CHECK(df.stages[0].reused);
   CHECK(df.stages[0].reused_by == std::vector<std::size_t>{5, 7});  // FROM build, COPY --from=BUILD
   CHECK_FALSE(df.stages[1].reused);
   CHECK(df.stages[2].reused);  // the mount's from=
   CHECK(df.stages[3].reused);  // --from=3
   CHECK_FALSE(df.stages[4].reused);
   for (std::size_t s = 0; s + 1 < df.stages.size(); ++s) CHECK_FALSE(df.stages[s].final);
   CHECK(df.stages[4].final);
   CHECK(df.instructions[0].stage == ast::instruction::no_stage);
   CHECK(df.stage_of(0) == nullptr);
   REQUIRE(df.stage_of(2) != nullptr);
   CHECK(df.stage_of(2)->name == "Build");
   CHECK(df.stage_of(8)->index == 4);
}

TEST_CASE("dockerfile model: mounts of a RUN before any FROM and of an ONBUILD RUN", "[engine-context]") {
   const auto df = parse_text(
       "RUN --mount=type=cache,target=/var/cache/apk apk add curl\n"
       "FROM alpine:3.19\n"
       "ONBUILD RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n");
   const auto& early = nth(df, "run");
   REQUIRE(early.mounts.size() == 1);
   CHECK(early.mounts[0].type == "cache");
   CHECK(early.mounts[0].target == "/var/cache/apk");
   const auto& onbuild = nth(df, "onbuild");
   REQUIRE(onbuild.trigger.size() == 1);
   REQUIRE(onbuild.trigger[0].mounts.size() == 1);
   CHECK(onbuild.trigger[0].mounts[0].type == "tmpfs");
   CHECK(onbuild.trigger[0].mounts[0].target == "/var/lib/apt/lists");
   CHECK(onbuild.mounts.empty());  // the ONBUILD itself has no flags
}

TEST_CASE("dockerfile model: RUN mounts are read as BuildKit reads them", "[engine-context]") {
   const auto df = parse_text(
       "FROM debian:12\n"
       "RUN --mount=type=cache,target=/root/.cache,sharing=locked --mount=type=secret,id=tok,required \\\n"
       "    --mount=type=bind,\\\"source=a,b\\\",target=/src,rw pip install x\n");
   const auto& run = nth(df, "run");
   REQUIRE(run.mounts.size() == 3);
   const auto& cache = run.mounts[0];
   CHECK(cache.type == "cache");
   CHECK(cache.target == "/root/.cache");
   CHECK(cache.sharing == "locked");
   CHECK_FALSE(cache.readonly);
   CHECK_FALSE(cache.error);
   CHECK(cache.where.start.line == 2);
   CHECK(cache.where.start.column == 5);
   CHECK(run.mounts[1].type == "secret");
   CHECK(run.mounts[1].id == "tok");
   CHECK(run.mounts[1].required);
   CHECK(run.mounts[1].readonly);
   // the flag lexer removes quotes and keeps `\"` as `"`; CSV then reads `"source=a,b"` as one field
   CHECK(run.mounts[2].type == "bind");
   CHECK(run.mounts[2].source == "a,b");
   CHECK(run.mounts[2].target == "/src");
   CHECK_FALSE(run.mounts[2].readonly);

   // a RUN before any FROM (hadolint-style snippets) has its mounts read too
   const auto loose = parse_text("RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n");
   REQUIRE(nth(loose, "run").mounts.size() == 1);
   CHECK(nth(loose, "run").mounts[0].target == "/var/cache/zypp");
   CHECK(nth(loose, "run").stage == ast::instruction::no_stage);

   const auto m = parse::parse_mount("\"target=/a,b\",type=cache", {});
   CHECK_FALSE(m.error);
   CHECK(m.target == "/a,b");
   CHECK(m.type == "cache");
   CHECK(parse::parse_mount("target=/x", {}).type == "bind");
   CHECK(parse::parse_mount("target=/x", {}).readonly);

   CHECK(parse::parse_mount("type=cache,sharing=sometimes", {}).error == "unsupported sharing value \"sometimes\"");
   CHECK(parse::parse_mount("type=volume", {}).error == "unsupported mount type \"volume\"");
   CHECK(parse::parse_mount("type=bind,sharing=locked", {}).error == "unexpected key 'sharing' for mount type 'bind'");
   CHECK(parse::parse_mount("type=cache,ro=maybe", {}).error == "invalid value for ro: maybe");
   CHECK(parse::parse_mount("type=cache,colour=red", {}).error == "unexpected key 'colour' in 'colour=red'");
   const auto bare = parse::parse_mount("target=/a\"b", {});
   REQUIRE(bare.error);
   CHECK(bare.error->find("bare \" in non-quoted-field") != std::string::npos);
   const auto open = parse::parse_mount("\"target=/a", {});
   REQUIRE(open.error);
   CHECK(open.error->find("extraneous or missing \" in quoted-field") != std::string::npos);
}

TEST_CASE("dockerfile model: ARGs declared without a value are kept apart from undefined names", "[engine-context]") {
   const auto df = parse_text(
       "ARG GLOBAL_UNSET\n"
       "ARG GLOBAL_SET=1\n"
       "FROM debian:12\n"
       "ARG GLOBAL_UNSET\n"
       "ARG GLOBAL_SET\n"
       "ARG LOCAL\n"
       "RUN echo $LOCAL $NEVER\n"
       "ENV LOCAL=now\n"
       "RUN echo $LOCAL\n");
   const auto& from = nth(df, "from");
   REQUIRE(from.declared_args);
   CHECK(from.declared_args->keys() == std::vector<std::string>{"GLOBAL_UNSET"});
   const auto& run = nth(df, "run");
   REQUIRE(run.declared_args);
   CHECK(run.declared_args->keys() == std::vector<std::string>{"GLOBAL_UNSET", "LOCAL"});
   CHECK(run.variables->contains("GLOBAL_SET"));
   CHECK_FALSE(run.variables->contains("LOCAL"));
   CHECK_FALSE(run.declared_args->contains("NEVER"));
   CHECK_FALSE(run.variables->contains("NEVER"));
   const auto& after_env = nth(df, "run", 1);
   CHECK(after_env.declared_args->keys() == std::vector<std::string>{"GLOBAL_UNSET"});
   CHECK(after_env.variables->at("LOCAL") == "now");
}

namespace {

// What the test rules saw.
struct seen_log {
   std::vector<std::string> instructions;  // name, "+onbuild" for triggers
   std::vector<std::string> runs;          // the instruction's first line and "+onbuild"
   std::vector<const facts::run_facts*> facts_seen_by_instruction;
   std::vector<const facts::run_facts*> facts_seen_by_run;
   int ends = 0;
   int ends_with_runs = 0;
};
seen_log seen;

void see_instruction(const ast::instruction& inst, engine::context& cx) {
   seen.instructions.push_back(inst.name + (cx.onbuild() ? "+onbuild" : ""));
   for (const auto& v : cx.runs_of(inst)) seen.facts_seen_by_instruction.push_back(&v.facts);
}
void see_run(const engine::run_view& v, engine::context&) {
   seen.runs.push_back(std::to_string(v.where.start.line) + (v.onbuild ? "+onbuild" : ""));
   seen.facts_seen_by_run.push_back(&v.facts);
}
void see_end(engine::context& cx) {
   ++seen.ends;
   seen.ends_with_runs += static_cast<int>(cx.runs().size());
}

constexpr engine::rule plain_rule{
    "ST9998",
    "test-plain",
    engine::severity::info,
    "",
    "",
    {},
    {},
    engine::visitors{.instruction = see_instruction, .run = see_run, .end_of_document = see_end},
    false};
constexpr engine::rule onbuild_rule{"ST9999",
                                    "test-onbuild",
                                    engine::severity::info,
                                    "",
                                    "",
                                    {},
                                    {},
                                    engine::visitors{.instruction = see_instruction, .run = see_run},
                                    true};

std::vector<engine::document> documents(std::initializer_list<std::string> texts) {
   std::vector<engine::document> out;
   for (const auto& t : texts) {
      auto d = engine::load_document("Dockerfile", t, engine::origin::named);
      REQUIRE(d);
      out.push_back(std::move(*d));
   }
   return out;
}

}  // namespace

TEST_CASE("engine: ONBUILD triggers are visited, flagged, only by rules that ask", "[engine-context]") {
   const auto docs = documents({"FROM debian:12\nONBUILD RUN curl -o a https://example.com/a\nRUN true\n"});
   for (const auto* def : {&plain_rule, &onbuild_rule}) {
      seen = {};
      const engine::registered_rule r{def, "", ""};
      const engine::registered_rule* rules[] = {&r};
      std::vector<engine::finding> out;
      engine::check_document(docs[0], rules, out);
      if (def->onbuild) {
         CHECK(seen.instructions == std::vector<std::string>{"from", "onbuild", "run+onbuild", "run"});
         CHECK(seen.runs == std::vector<std::string>{"2+onbuild", "3"});
      } else {
         CHECK(seen.instructions == std::vector<std::string>{"from", "onbuild", "run"});
         CHECK(seen.runs == std::vector<std::string>{"3"});
      }
   }
   // strata inspect's walk does not see triggers unless asked
   int plain = 0, with_triggers = 0;
   engine::for_each_run(docs[0], [&](const engine::run_view&) { ++plain; });
   engine::for_each_run(
       docs[0], [&](const engine::run_view& v) { with_triggers += v.onbuild ? 10 : 1; }, true);
   CHECK(plain == 1);
   CHECK(with_triggers == 11);
}

TEST_CASE("engine: the end hook runs once per document, run views are shared", "[engine-context]") {
   seen = {};
   const auto docs = documents(
       {"FROM debian:12 AS a\nRUN curl -o a https://example.com/a\nRUN <<EOF\ntrue\nEOF\n", "FROM alpine\nRUN true\n"});
   const engine::registered_rule r{&plain_rule, "", ""};
   const engine::registered_rule* rules[] = {&r};
   engine::checker c(rules);
   std::vector<engine::finding> out;
   for (const auto& d : docs) {
      const int before = seen.ends;
      c.check(d, out);
      CHECK(seen.ends == before + 1);
   }
   c.finish(out);
   CHECK(seen.ends == 2);
   CHECK(seen.ends_with_runs == 4);  // 3 views (the heredoc RUN has two bodies) + 1
   // the instruction visitor and the run visitor read the same facts objects
   CHECK(seen.facts_seen_by_instruction == seen.facts_seen_by_run);
   CHECK(seen.facts_seen_by_run.size() == 4);

   engine::document_runs runs(docs[0]);
   CHECK(runs.computations() == 0);
   const auto& all = runs.all();
   REQUIRE(all.size() == 3);
   CHECK(&runs.all() == &all);
   CHECK(runs.computations() == 1);
   REQUIRE(all[0].stage != nullptr);
   CHECK(all[0].stage->name == "a");
   CHECK(runs.of(docs[0].dockerfile->instructions[1]).size() == 1);
   CHECK(runs.of(docs[0].dockerfile->instructions[2]).size() == 2);
   CHECK(runs.of(docs[0].dockerfile->instructions[0]).empty());
}

TEST_CASE("name_section: a tag page finding says which tag and platform, once", "[engine-context]") {
   engine::finding f;
   f.message = "PATH lists /usr/local/bin twice";
   f.tag = "python:latest";
   f.platform = "windows version 10.0.14393.2007; amd64";
   engine::name_section(f);
   CHECK(f.message == "PATH lists /usr/local/bin twice (python:latest windows version 10.0.14393.2007; amd64)");
   CHECK(f.message_key() == "PATH lists /usr/local/bin twice");
   engine::name_section(f);  // named already: as it was
   CHECK(f.message == "PATH lists /usr/local/bin twice (python:latest windows version 10.0.14393.2007; amd64)");

   // a message that names several platforms (ST4001) still gets both; one that names both, nothing
   engine::finding g;
   g.tag = "python:3";
   g.platform = "linux; arm variant v7";
   g.message = "DEMO_VERSION is 1.2.0 on linux; arm variant v7, linux; s390x but 1.2.1 on linux; amd64";
   engine::name_section(g);
   CHECK(g.message ==
         "DEMO_VERSION is 1.2.0 on linux; arm variant v7, linux; s390x but 1.2.1 on linux; amd64 (python:3 linux; arm "
         "variant v7)");
   g.message = "python:3 on linux; arm variant v7 differs";
   g.naming_at = std::string::npos;
   engine::name_section(g);
   CHECK(g.message == "python:3 on linux; arm variant v7 differs");
   CHECK(g.message_key() == g.message);
   // `python:3.6` does not name `python:3`
   g.message = "as in python:3.6 on linux; arm variant v7";
   engine::name_section(g);
   CHECK(g.message == "as in python:3.6 on linux; arm variant v7 (python:3 linux; arm variant v7)");

   // a platform string that another section of the page has too: the section number as well
   engine::finding w;
   w.message = "Invoke-WebRequest downloads https://example.com/get-pip.py";
   w.tag = "python:windowsservercore";
   w.platform = "windows version 10.0.14393.1884; amd64";
   w.section_index = 3;
   w.platform_repeats = true;
   engine::name_section(w);
   CHECK(w.message ==
         "Invoke-WebRequest downloads https://example.com/get-pip.py (python:windowsservercore windows version "
         "10.0.14393.1884; amd64, section 3)");
   CHECK(w.message_key() == "Invoke-WebRequest downloads https://example.com/get-pip.py");

   // no platform (a Dockerfile, a page-level finding): nothing
   engine::finding h;
   h.message = "the page lists no platform";
   h.tag = "python:latest";
   engine::name_section(h);
   CHECK(h.message == "the page lists no platform");
}
