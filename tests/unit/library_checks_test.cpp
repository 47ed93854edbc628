// engine/library_checks.hpp: the comparisons of rules ST5004–ST5008 (formats.md C25–C29),
// on small libraries written after the corpus cases, and the README's image references.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/library_checks.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/docs_readme_parser.hpp"
#include "parse/library_parser.hpp"

using namespace strata;

namespace {

// Two Windows entries of one version and a Linux entry, after library/python@5a702e252e05.
const char* const windows_library = R"(Maintainers: Ada Example <ada@example.com> (@ada-example)
GitRepo: https://github.com/docker-library/python.git

Tags: 3.9.0-buster, 3.9-buster
SharedTags: 3.9.0, 3.9
Architectures: amd64, arm64v8
GitCommit: ed08d468b219d19de869ba669bc4e91e2dc00cb3
Directory: 3.9/buster

Tags: 3.9.0-windowsservercore-ltsc2016, 3.9-windowsservercore-ltsc2016
SharedTags: 3.9.0-windowsservercore, 3.9.0, 3.9
Architectures: windows-amd64
GitCommit: ed08d468b219d19de869ba669bc4e91e2dc00cb3
Directory: 3.9/windows/windowsservercore-ltsc2016
Constraints: windowsservercore-ltsc2016

Tags: 3.9.0-windowsservercore-1809, 3.9-windowsservercore-1809
SharedTags: 3.9.0-windowsservercore, 3.9.0, 3.9
Architectures: windows-amd64
GitCommit: ed08d468b219d19de869ba669bc4e91e2dc00cb3
Directory: 3.9/windows/windowsservercore-1809
Constraints: windowsservercore-1809
)";

ast::library_file library(const std::string& text, std::string path = "python-library@5a702e252e05") {
   return parse::parse_library_file(std::move(path), text);
}

ast::dockerfile dockerfile(const std::string& text) {
   return parse::parse_dockerfile("Dockerfile", text);
}

}  // namespace

TEST_CASE("library checks: repository and version variable from the library file's name", "[library-checks]") {
   CHECK(engine::library_repository("library/python") == "python");
   CHECK(engine::library_repository("python") == "python");
   CHECK(engine::library_repository("/x/official-images/python-library@c4b2aac9b4b9") == "python");
   CHECK(engine::library_repository("eclipse-temurin") == "eclipse-temurin");
   CHECK(engine::version_variable("python") == "PYTHON_VERSION");
   CHECK(engine::version_variable("eclipse-temurin") == "ECLIPSE_TEMURIN_VERSION");
   CHECK(engine::namespace_architecture("winamd64") == std::optional<std::string>("windows-amd64"));
   CHECK(engine::namespace_architecture("arm64v8") == std::optional<std::string>("arm64v8"));
   CHECK_FALSE(engine::namespace_architecture("library").has_value());
}

TEST_CASE("library checks: a tag on two entries of one platform conflicts; other constraints do not",
          "[library-checks]") {
   const auto lib = library(windows_library);
   REQUIRE(lib.errors.empty());
   CHECK(engine::tag_conflicts(lib).empty());  // 3.9 is on three entries, of three platforms

   // both Windows entries on ltsc2016: every tag they share conflicts, once per item
   std::string text = windows_library;
   text.replace(text.rfind("Constraints: windowsservercore-1809"), 35, "Constraints: windowsservercore-ltsc2016");
   const auto bad = library(text);
   const auto conflicts = engine::tag_conflicts(bad);
   REQUIRE(conflicts.size() == 6);  // 3.9.0-windowsservercore, 3.9.0, 3.9 on each of the two entries
   CHECK(conflicts[0].entry == 1);
   CHECK(conflicts[0].tag->text == "3.9.0-windowsservercore");
   CHECK(conflicts[0].shared);
   CHECK(conflicts[0].architecture == "windows-amd64");
   CHECK(conflicts[0].constraints == std::vector<std::string>{"windowsservercore-ltsc2016"});
   CHECK(conflicts[0].others == std::vector<std::size_t>{2});
   CHECK(conflicts[3].entry == 2);
   CHECK(conflicts[3].others == std::vector<std::size_t>{1});
}

TEST_CASE("library checks: a Dockerfile is an entry's source by path and commit directory", "[library-checks]") {
   const auto lib = library(windows_library);
   CHECK(engine::is_entry_source(lib, 0, "3.9/buster/Dockerfile"));
   CHECK(engine::is_entry_source(lib, 0, "/corpus/dockerfiles/python/ed08d468b219/3.9/buster/Dockerfile"));
   CHECK(engine::is_entry_source(lib, 0, "/corpus/ED08D468B219D19D/3.9/buster/Dockerfile"));
   CHECK_FALSE(engine::is_entry_source(lib, 0, "/corpus/dockerfiles/python/14edaf4bf7b4/3.9/buster/Dockerfile"));
   CHECK_FALSE(engine::is_entry_source(lib, 0, "/x/13.9/buster/Dockerfile"));  // not at a `/`
   CHECK_FALSE(engine::is_entry_source(lib, 0, "3.9/buster/Dockerfile.orig"));
   CHECK(engine::is_entry_source(lib, 1, "a/3.9/windows/windowsservercore-ltsc2016/Dockerfile"));
   CHECK_FALSE(engine::is_entry_source(lib, 2, "a/3.9/windows/windowsservercore-ltsc2016/Dockerfile"));

   // per-architecture overrides
   const auto over = library(R"(GitRepo: https://github.com/docker-library/python.git

Tags: 1.0
Architectures: amd64, arm64v8
GitCommit: 0123456789abcdef0123456789abcdef01234567
Directory: 1.0
arm64v8-GitCommit: 89abcdef0123456789abcdef0123456789abcdef
arm64v8-Directory: 1.0/arm64
)");
   CHECK(engine::is_entry_source(over, 0, "89abcdef0123/1.0/arm64/Dockerfile"));
   CHECK_FALSE(engine::is_entry_source(over, 0, "0123456789ab/1.0/arm64/Dockerfile"));
   CHECK(engine::is_entry_source(over, 0, "0123456789ab/1.0/Dockerfile"));
}

TEST_CASE("library checks: the version a tag names against ENV <REPO>_VERSION", "[library-checks]") {
   const auto lib = library(windows_library);
   const auto v = engine::entry_tag_version(lib.entries[1]);
   REQUIRE(v);
   CHECK(v->version == "3.9.0");
   CHECK(v->tag->text == "3.9.0-windowsservercore-ltsc2016");

   const auto rc = library("Tags: 3.7-rc-stretch, 3.7.0a2-stretch, rc\nGitCommit: 1\n");
   REQUIRE(engine::entry_tag_version(rc.entries[0]));
   CHECK(engine::entry_tag_version(rc.entries[0])->version == "3.7.0a2");
   CHECK_FALSE(engine::entry_tag_version(library("Tags: latest, 20200505\nGitCommit: 1\n").entries[0]));

   const auto same = dockerfile("FROM mcr.microsoft.com/windows/servercore:ltsc2016\nENV PYTHON_VERSION 3.9.0\n");
   CHECK_FALSE(engine::compare_version(lib.entries[1], same, "PYTHON_VERSION"));
   const auto other = dockerfile("FROM buildpack-deps:buster\nENV PYTHON_VERSION=\"3.9.1\"\n");
   const auto m = engine::compare_version(lib.entries[0], other, "PYTHON_VERSION");
   REQUIRE(m);
   CHECK(m->tag.version == "3.9.0");
   CHECK(m->env.value == "3.9.1");
   CHECK(m->env.where.start.line == 2U);
   // a less specific tag is a prefix; onbuild images do not set the variable
   const auto minor = library("Tags: 3.9-buster\nGitCommit: 1\n");
   CHECK_FALSE(engine::compare_version(minor.entries[0], other, "PYTHON_VERSION"));
   CHECK(
       engine::compare_version(minor.entries[0], dockerfile("FROM x\nENV PYTHON_VERSION 3.10.0\n"), "PYTHON_VERSION"));
   CHECK_FALSE(
       engine::compare_version(lib.entries[0], dockerfile("FROM python:3.9\nONBUILD RUN true\n"), "PYTHON_VERSION"));
   // only the final stage counts
   CHECK_FALSE(engine::compare_version(
       lib.entries[0], dockerfile("FROM x AS b\nENV PYTHON_VERSION 2.7\nFROM y\nENV PYTHON_VERSION 3.9.0\n"),
       "PYTHON_VERSION"));
}

TEST_CASE("library checks: Windows constraints against the FROM bases", "[library-checks]") {
   const auto lib = library(windows_library);
   const auto ltsc = dockerfile("FROM mcr.microsoft.com/windows/servercore:ltsc2016\n");
   CHECK(engine::compare_windows_constraints(lib.entries[1], ltsc).empty());
   const auto wrong = engine::compare_windows_constraints(lib.entries[2], ltsc);
   REQUIRE(wrong.size() == 1);
   REQUIRE(wrong[0].constraint != nullptr);
   CHECK(wrong[0].constraint->text == "windowsservercore-1809");
   REQUIRE(wrong[0].base);
   CHECK(wrong[0].base->version == "ltsc2016");
   // a Linux entry paired with a Windows Dockerfile: the base has no constraint
   const auto unconstrained = engine::compare_windows_constraints(lib.entries[0], ltsc);
   REQUIRE(unconstrained.size() == 1);
   CHECK(unconstrained[0].constraint == nullptr);
   CHECK(unconstrained[0].base->kind == "windowsservercore");
   CHECK(engine::compare_windows_constraints(lib.entries[0], dockerfile("FROM buildpack-deps:buster\n")).empty());

   // a build stage on Server Core, the final image on Nano Server; a stage reference is no base
   const auto nano = library(R"(Tags: 1.0-nanoserver-1809
Architectures: windows-amd64
GitCommit: 1
Constraints: nanoserver-1809, windowsservercore-1809
)");
   const auto df = dockerfile(
       "FROM mcr.microsoft.com/windows/servercore:1809-amd64 AS build\nFROM build AS again\n"
       "FROM mcr.microsoft.com/windows/nanoserver:1809\n");
   const auto bases = engine::dockerfile_windows_bases(df);
   REQUIRE(bases.size() == 2);
   CHECK(bases[0].version == "1809");
   CHECK(bases[1].kind == "nanoserver");
   CHECK(engine::compare_windows_constraints(nano.entries[0], df).empty());
   // a bare constraint allows any version (the 2016 libraries)
   const auto bare = library("Tags: 3.5-windowsservercore\nGitCommit: 1\nConstraints: windowsservercore\n");
   CHECK(
       engine::compare_windows_constraints(bare.entries[0], dockerfile("FROM microsoft/windowsservercore\n")).empty());
}

TEST_CASE("library checks: the Supported tags rendering and the README comparison", "[library-checks]") {
   const auto lib = library(windows_library);
   const auto all = engine::render_supported_tags(lib, std::nullopt);
   REQUIRE(all.simple.size() == 3);
   CHECK(
       all.simple[0].url ==
       "https://github.com/docker-library/python/blob/ed08d468b219d19de869ba669bc4e91e2dc00cb3/3.9/buster/Dockerfile");
   // groups in order of first appearance: {3.9.0, 3.9} on all three entries, then
   // {3.9.0-windowsservercore} on the two Windows ones
   REQUIRE(all.shared.size() == 2);
   CHECK(all.shared[0].tags == std::vector<std::string>{"3.9.0", "3.9"});
   CHECK(all.shared[0].entries.size() == 3);
   CHECK(all.shared[1].tags == std::vector<std::string>{"3.9.0-windowsservercore"});
   const auto windows = engine::render_supported_tags(lib, std::string("windows-amd64"));
   CHECK(windows.simple.size() == 2);
   CHECK(windows.shared[0].entries.size() == 2);

   const std::string note =
       "**Note:** this is the \"per-architecture\" repository for the `windows-amd64` builds of [the `python` "
       "official image](https://example.com/_/python).\n\n";
   const std::string blob = "https://github.com/docker-library/python/blob/ed08d468b219d19de869ba669bc4e91e2dc00cb3/";
   const std::string ltsc = "[`3.9.0-windowsservercore-ltsc2016`, `3.9-windowsservercore-ltsc2016`](" + blob +
                            "3.9/windows/windowsservercore-ltsc2016/Dockerfile)\n";
   const std::string r1809 = "[`3.9.0-windowsservercore-1809`, `3.9-windowsservercore-1809`](" + blob +
                             "3.9/windows/windowsservercore-1809/Dockerfile)\n";
   const std::string items =
       "\t-\t[`3.9.0-windowsservercore-ltsc2016`](" + blob +
       "3.9/windows/windowsservercore-ltsc2016/Dockerfile)\n\t-\t[`3.9.0-windowsservercore-1809`](" + blob +
       "3.9/windows/windowsservercore-1809/Dockerfile)\n";
   const std::string groups =
       "\n## Shared Tags\n\n-\t`3.9.0`, `3.9`:\n" + items + "-\t`3.9.0-windowsservercore`:\n" + items;
   const std::string head = note + "# Supported tags and respective `Dockerfile` links\n\n## Simple Tags\n\n";
   const auto good = parse::parse_docs_readme("README.md", head + "-\t" + ltsc + "-\t" + r1809 + groups);
   REQUIRE(good.errors.empty());
   CHECK(engine::compare_readme(good, lib, "lib").empty());
   CHECK(engine::linked_commits_in(good, lib) == 1);

   const auto swapped = parse::parse_docs_readme("README.md", head + "-\t" + r1809 + "-\t" + ltsc + groups);
   const auto d = engine::compare_readme(swapped, lib, "lib");
   REQUIRE(d.size() == 2);
   CHECK(d[0].where.start == swapped.simple_tags[0].where.start);
   CHECK(d[0].message ==
         "simple-tags bullet 1 is the entry at lib:17, which the library renders as bullet 2 (bullet 1 there is the "
         "entry at lib:10)");

   const auto missing = parse::parse_docs_readme("README.md", head + "-\t" + ltsc + groups);
   const auto m = engine::compare_readme(missing, lib, "lib");
   REQUIRE(m.size() == 1);
   CHECK(m[0].message ==
         "the section lacks the simple-tags bullet 2 for the entry at lib:17 (`3.9.0-windowsservercore-1809`, "
         "`3.9-windowsservercore-1809`)");

   const ast::library_file* both[] = {&lib, &lib};
   CHECK(engine::library_for_readme(swapped, both) == std::optional<std::size_t>(0));
   CHECK(engine::library_for_readme(good, {}) == std::nullopt);
}

TEST_CASE("docs README: image references in code outside the section", "[library-checks][docs-readme]") {
   const auto r = parse::parse_docs_readme("README.md", R"(# Supported tags and respective `Dockerfile` links

-	[`3`](https://github.com/docker-library/python/blob/ed08d468b219d19de869ba669bc4e91e2dc00cb3/3/Dockerfile)

# How to use this image

```dockerfile
FROM winamd64/python:2
COPY --from=python:3-slim / /
```

```console
$ docker run -v "$PWD":/usr/src/myapp localhost:5000/python:3 python:x.py
```

In the non `python:slim` variants, see `winamd64/python:<version>` and `https://example.com:443/x`.
)");
   std::vector<std::string> refs;
   for (const auto& ref : r.image_references) refs.push_back(ref.reference.text);
   CHECK(refs == std::vector<std::string>{"winamd64/python:2", "python:3-slim", "localhost:5000/python:3",
                                          "python:x.py", "python:slim"});
   REQUIRE(r.image_references.size() == 5);
   CHECK(r.image_references[0].name == "winamd64/python");
   CHECK(r.image_references[0].tag == "2");
   CHECK(r.image_references[0].in_code_block);
   CHECK(r.image_references[0].reference.where.start == ast::position{8, 6});
   CHECK(r.image_references[2].name == "localhost:5000/python");
   CHECK_FALSE(r.image_references[4].in_code_block);
}
