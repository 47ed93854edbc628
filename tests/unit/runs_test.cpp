// engine/runs.hpp: which bodies of a Dockerfile are shell code, in which shell.
#include <catch2/catch.hpp>

#include "engine/document.hpp"
#include "engine/runs.hpp"

using namespace strata;

namespace {
struct seen {
   std::string keyword, shell;
   std::size_t commands = 0;
   std::uint32_t line = 0;
};

std::vector<seen> runs_of(const std::string& text) {
   auto doc = engine::load_document("Dockerfile", text, engine::origin::named);
   REQUIRE(doc);
   std::vector<seen> out;
   engine::for_each_run(*doc, [&](const engine::run_view& v) {
      out.push_back({std::string(v.keyword), std::string(facts::to_string(v.facts.shell)), v.facts.commands.size(),
                     v.facts.commands.empty() ? 0 : v.facts.commands.front().where.start.line});
   });
   return out;
}
}  // namespace

TEST_CASE("runs: heredocs are shell code only when they are the script", "[runs]") {
   const auto r = runs_of(
       "FROM debian:12\n"
       "RUN <<EOF\ncurl -o a https://example.com/a\nEOF\n"
       "RUN cat <<'EOF' > /usr/local/bin/hc.sh\ncurl -fsS http://localhost/health\nEOF\n"
       "RUN bash -e <<EOF\necho from-bash\nEOF\n"
       "RUN <<EOF\n#!/usr/bin/env python3\nprint('x')\nEOF\n"
       "RUN python3 <<EOF\nprint(1)\nEOF\n");
   std::vector<std::uint32_t> lines;
   for (const auto& s : r) {
      if (s.commands > 0) lines.push_back(s.line);
   }
   // line 3: the script; 5: `cat` (not the health check in its heredoc); 8/9: `bash -e` and its script;
   // the python heredocs are not shell code (`python3` on line 15 is)
   CHECK(lines == std::vector<std::uint32_t>{3, 5, 8, 9, 15});
}

TEST_CASE("runs: exec form runs its own shell", "[runs]") {
   const auto r = runs_of(
       "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
       "RUN [\"powershell\", \"-Command\", \"iwr https://example.com/a.zip -OutFile a.zip\"]\n"
       "RUN curl -o x https://example.com/x\n"
       "FROM debian:12\n"
       "RUN [\"bash\", \"-o\", \"pipefail\", \"-ec\", \"curl -o z https://example.com/z | cat\"]\n"
       "RUN [\"/usr/bin/env\", \"true\"]\n");
   REQUIRE(r.size() == 3);
   CHECK(r[0].shell == "pwsh");
   CHECK(r[0].commands == 1);
   CHECK(r[1].shell == "cmd");  // a Windows image before any SHELL
   CHECK(r[1].commands == 0);
   CHECK(r[2].shell == "sh");
   CHECK(r[2].commands == 2);
}
