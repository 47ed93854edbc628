// hadolint's habits in `strata check`: pragmas, config discovery and keys, flags, environment
// variables, standard input, `strata FILE` without a subcommand.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "support/helpers.hpp"

namespace {

namespace fs = std::filesystem;
using strata::test::write;

struct result {
   int status = -1;
   std::string out, err;
};

// Runs strata in `dir` with `env` assignments (`A=1 B=2`) and `args`; HOME and XDG point
// into the directory so that no config of the machine is found.
result run_in(const fs::path& dir, const std::string& args, const std::string& env = "", const std::string& in = "") {
   const fs::path err = dir / ".stderr";
   std::string cmd = "cd \"" + dir.string() + "\" && env -u HADOLINT_IGNORE -u STRATA_IGNORE HOME=\"" +
                     (dir / ".home").string() + "\" XDG_CONFIG_HOME=\"" + (dir / ".xdg").string() + "\" " + env +
                     " \"" + STRATA_BINARY + "\" " + args + " 2>\"" + err.string() + "\"";
   if (!in.empty()) {
      write((dir / ".stdin").string(), in);
      cmd += " <\"" + (dir / ".stdin").string() + "\"";
   }
   result r;
   FILE* p = popen(cmd.c_str(), "r");
   if (p == nullptr) return r;
   std::array<char, 4096> buf{};
   std::size_t n = 0;
   while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
   const int st = pclose(p);
   r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
   r.err = strata::test::read(err.string());
   return r;
}

// A fresh directory with a `.git` (the repository root for config discovery).
fs::path scratch(const std::string& name) {
   const fs::path d = fs::temp_directory_path() / ("strata-compat-" + name);
   fs::remove_all(d);
   fs::create_directories(d / ".git");
   return d;
}

std::size_t count(const std::string& text, const std::string& what) {
   std::size_t n = 0;
   for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
   return n;
}

const std::string latest_twice = "FROM debian:latest AS a\nFROM debian:latest AS b\n";

}  // namespace

TEST_CASE("pragmas: hadolint's inline, global and stage forms, and strata's", "[cli][pragma]") {
   const auto d = scratch("pragma");
   SECTION("inline: only the instruction on the very next line") {
      write((d / "Dockerfile").string(),
            "FROM debian:latest\n# hadolint ignore=DL3007\nFROM debian:latest\n\n"
            "# hadolint ignore=DL3007\n\nFROM debian:latest\n");
      const auto r = run_in(d, "check --select DL3007 Dockerfile");
      CHECK(count(r.out, "[DL3007]") == 2);
      CHECK(r.out.find("Dockerfile:1:") != std::string::npos);
      CHECK(r.out.find("Dockerfile:7:") != std::string::npos);  // a blank line breaks hadolint's pragma
      CHECK(r.out.find("Dockerfile:3:") == std::string::npos);
   }
   SECTION("spaces, several names, a reason after the names") {
      write((d / "Dockerfile").string(),
            "# hadolint global ignore = DL3001 , DL3007 # base images are pinned by the CI\n" + latest_twice);
      CHECK(run_in(d, "check --select DL3007 Dockerfile").out.empty());
   }
   SECTION("a name hadolint does not accept voids the pragma, and is reported") {
      write((d / "Dockerfile").string(), "FROM debian:12\n# hadolint ignore=crazy,DL3007\nFROM debian:latest\n");
      const auto r = run_in(d, "check --select DL3007,ST0006 Dockerfile");
      CHECK(count(r.out, "[DL3007]") == 1);
      CHECK(r.out.find("Dockerfile:2:19: warning: `crazy`") != std::string::npos);  // ST0006 at `crazy`
   }
   SECTION("stage: the stage of the FROM below") {
      write((d / "Dockerfile").string(),
            "# hadolint stage ignore=DL3007\nFROM debian:latest AS a\nRUN true\nFROM debian:latest AS b\n");
      const auto r = run_in(d, "check --select DL3007 Dockerfile");
      CHECK(count(r.out, "[DL3007]") == 1);
      CHECK(r.out.find("Dockerfile:4:") != std::string::npos);
   }
   SECTION("strata's forms take names and prefixes, and skip blank lines") {
      write((d / "Dockerfile").string(),
            "# strata ignore=from-latest-tag\n\nFROM debian:latest AS a\n"
            "# strata ignore=DL30\nFROM debian:latest AS b\n");
      CHECK(run_in(d, "check --select DL3007 Dockerfile").out.empty());
      write((d / "Dockerfile").string(), "# strata global ignore=DL3007\n" + latest_twice);
      CHECK(run_in(d, "check --select DL3007 Dockerfile").out.empty());
   }
   SECTION("--disable-ignore-pragma, its config key and its environment variable") {
      write((d / "Dockerfile").string(), "# hadolint global ignore=DL3007\n" + latest_twice);
      CHECK(count(run_in(d, "check --select DL3007 --disable-ignore-pragma Dockerfile").out, "[DL3007]") == 2);
      CHECK(count(run_in(d, "check --select DL3007 Dockerfile", "HADOLINT_DISABLE_IGNORE_PRAGMA=yes").out,
                  "[DL3007]") == 2);
      write((d / ".hadolint.yaml").string(), "disable-ignore-pragma: true\n");
      CHECK(count(run_in(d, "check --select DL3007 Dockerfile").out, "[DL3007]") == 2);
   }
   SECTION("DL1001 is opt-in: off by default, on when given a severity or selected") {
      write((d / "Dockerfile").string(), "FROM debian:12\n# hadolint ignore=DL3007\nFROM debian:latest\n");
      CHECK(run_in(d, "check Dockerfile").out.find("DL1001") == std::string::npos);
      CHECK(run_in(d, "check --info DL1001 Dockerfile").out.find("[DL1001]") != std::string::npos);
      CHECK(run_in(d, "check --select DL1001 Dockerfile").out.find("[DL1001]") != std::string::npos);
      CHECK(run_in(d, "check --select DL Dockerfile").out.find("[DL1001]") == std::string::npos);  // not by prefix
   }
   fs::remove_all(d);
}

TEST_CASE("config: .hadolint.yaml is found and its keys apply", "[cli][config]") {
   const auto d = scratch("config");
   write((d / "Dockerfile").string(), latest_twice);
   SECTION("ignored, and an unknown id is a warning, not an error") {
      write((d / ".hadolint.yaml").string(), "ignored:\n  - DL3007\n  - DL9999\n");
      const auto r = run_in(d, "check Dockerfile");
      CHECK(r.status == 0);
      CHECK(r.out.empty());
      CHECK(r.err.find("`DL9999` names no rule") != std::string::npos);
   }
   SECTION("override: severities, the highest wins; failure-threshold") {
      write((d / ".hadolint.yaml").string(),
            "override:\n  style: [DL3007]\n  error: [DL3007]\nfailure-threshold: error\n");
      const auto r = run_in(d, "check -f json Dockerfile");
      CHECK(r.out.find("\"severity\": \"error\"") != std::string::npos);
      CHECK(r.status == 1);
      write((d / ".hadolint.yaml").string(), "override:\n  info: [DL3007]\nfailure-threshold: warning\n");
      CHECK(run_in(d, "check Dockerfile").status == 0);
      CHECK(run_in(d, "check -t ignore Dockerfile").status == 1);  // hadolint's ignore: any finding fails
      CHECK(run_in(d, "check -t none Dockerfile").status == 0);
   }
   SECTION("no-fail and the config found from a subdirectory, .strata.yaml first") {
      write((d / ".hadolint.yaml").string(), "no-fail: true\n");
      fs::create_directories(d / "sub");
      write((d / "sub" / "Dockerfile").string(), latest_twice);
      CHECK(run_in(d / "sub", "check Dockerfile").status == 0);
      write((d / ".strata.yaml").string(), "failure-threshold: warning\n");
      CHECK(run_in(d / "sub", "check Dockerfile").status == 1);
      CHECK(run_in(d / "sub", "check -v Dockerfile").err.find(".strata.yaml") != std::string::npos);
   }
   SECTION("the config beside a Dockerfile checked from elsewhere") {
      fs::create_directories(d / "case");
      write((d / "case" / "Dockerfile").string(), latest_twice);
      write((d / "case" / ".hadolint.yaml").string(), "ignored: [DL3007]\n");
      const auto r = run_in(d, "check case/Dockerfile");
      CHECK(r.out.empty());
   }
   SECTION("-c names the file; a broken file is an error with line:col") {
      write((d / "other.yaml").string(), "ignored: [DL3007]\n");
      CHECK(run_in(d, "check -c other.yaml Dockerfile").out.empty());
      write((d / "other.yaml").string(), "override: [DL3007]\n");
      const auto r = run_in(d, "check -c other.yaml Dockerfile");
      CHECK(r.status == 2);
      CHECK(r.err.find("other.yaml:1:11:") != std::string::npos);
   }
   SECTION("label-schema and trustedRegistries are read (and checked)") {
      write((d / ".hadolint.yaml").string(), "label-schema:\n  version: semvr\n");
      CHECK(run_in(d, "check Dockerfile").status == 2);
      write((d / ".hadolint.yaml").string(),
            "label-schema:\n  version: semver\ntrustedRegistries: [docker.io]\nstrict-labels: true\n");
      CHECK(run_in(d, "check Dockerfile").status == 1);
   }
   fs::remove_all(d);
}

TEST_CASE("flags and environment: hadolint's names, env < config < command line", "[cli][config]") {
   const auto d = scratch("flags");
   write((d / "Dockerfile").string(), latest_twice);
   CHECK(run_in(d, "check --no-fail Dockerfile").status == 0);
   CHECK(run_in(d, "check --ignore DL3007 Dockerfile").out.empty());
   const auto unknown = run_in(d, "check --ignore DL9999 Dockerfile");
   CHECK(unknown.status == 1);  // the run goes on
   CHECK(unknown.err.find("--ignore: `DL9999` names no rule") != std::string::npos);
   CHECK(run_in(d, "check --error DL3007 -t error Dockerfile").status == 1);
   CHECK(run_in(d, "check --style DL3007 Dockerfile").status == 0);
   CHECK(run_in(d, "check --require-label version:nope Dockerfile").status == 2);
   CHECK(run_in(d, "check --trusted-registry docker.io --require-label version:semver --strict-labels Dockerfile")
             .status == 1);

   CHECK(run_in(d, "check Dockerfile", "HADOLINT_IGNORE=DL3001,DL3007").out.empty());
   CHECK(run_in(d, "check Dockerfile", "HADOLINT_NOFAIL=on").status == 0);
   CHECK(run_in(d, "check Dockerfile", "HADOLINT_NOFAIL=nope").status == 1);  // not truthy
   CHECK(run_in(d, "check Dockerfile", "HADOLINT_OVERRIDE_INFO=DL3007").status == 0);
   CHECK(run_in(d, "check Dockerfile", "STRATA_FAILURE_THRESHOLD=error").status == 0);
   CHECK(run_in(d, "check Dockerfile", "HADOLINT_FORMAT=json").out.find("\"findings\"") != std::string::npos);
   // precedence: the config beats the environment, the command line beats both
   write((d / ".hadolint.yaml").string(), "failure-threshold: warning\n");
   CHECK(run_in(d, "check Dockerfile", "HADOLINT_FAILURE_THRESHOLD=error").status == 1);
   CHECK(run_in(d, "check -t error Dockerfile", "HADOLINT_FAILURE_THRESHOLD=style").status == 0);
   fs::remove_all(d);
}

TEST_CASE("stdin and the command line without a subcommand", "[cli][stdin]") {
   const auto d = scratch("stdin");
   auto r = run_in(d, "check -", "", "FROM debian:latest\n");
   CHECK(r.status == 1);
   CHECK(r.out.find("-:1:6: warning:") != std::string::npos);
   r = run_in(d, "check - --stdin-filename images/Dockerfile", "", "FROM debian:latest\n");
   CHECK(r.out.find("images/Dockerfile:1:6:") != std::string::npos);
   r = run_in(d, "- --file-path-in-report app/Dockerfile", "", "FROM debian:latest\n");  // no subcommand
   CHECK(r.out.find("app/Dockerfile:1:6:") != std::string::npos);
   write((d / "Dockerfile").string(), latest_twice);
   CHECK(count(run_in(d, "Dockerfile").out, "[DL3007]") == 2);
   CHECK(count(run_in(d, "-t error Dockerfile").out, "[DL3007]") == 2);
   CHECK(count(run_in(d, "check").out, "[DL3007]") == 2);  // no corpus/ here: checks .
   CHECK(run_in(d, "-v").out.starts_with("strata "));      // hadolint's -v alone: the version
   fs::remove_all(d);
}

TEST_CASE("shellcheck pass: SC findings at their exact ranges, ignorable like rules", "[cli][shellcheck]") {
   const auto d = scratch("shellcheck");
   if (run_in(d, "check --shellcheck").status == 2) {
      WARN("shellcheck is not installed (Debian package shellcheck): --shellcheck tests skipped");
      CHECK(run_in(d, "check --shellcheck").err.find("--shellcheck: cannot run shellcheck") != std::string::npos);
      fs::remove_all(d);
      return;
   }
   write((d / "Dockerfile").string(),
         "FROM debian:12\nARG NAME=x\nRUN echo $NAME && \\\n    echo $undefined_var\n"
         "SHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host $env:X\n");
   auto r = run_in(d, "check --shellcheck --select SC -f json Dockerfile");
   CHECK(r.out.find("\"rule\": \"SC2154\"") != std::string::npos);  // undefined_var, not NAME (exported)
   CHECK(r.out.find("\"line\": 4,\n      \"column\": 10,\n      \"end_line\": 4,\n      \"end_column\": 24") !=
         std::string::npos);
   CHECK(r.out.find("NAME is referenced") == std::string::npos);
   CHECK(count(r.out, "\"rule\": \"SC") == 2);  // SC2086 and SC2154 on line 4; nothing for the pwsh RUN
   CHECK(count(run_in(d, "check --shellcheck --select SC --ignore SC2154 -f json Dockerfile").out, "\"rule\": \"SC") ==
         1);
   CHECK(run_in(d, "check --shellcheck --select SC --error SC2086 -f json Dockerfile")
             .out.find("\"severity\": \"error\"") != std::string::npos);
   write((d / "Dockerfile").string(), "FROM debian:12\n# hadolint ignore=SC2086,SC2154\nRUN echo $undefined_var\n");
   CHECK(run_in(d, "check --shellcheck --select SC Dockerfile").out.empty());
   CHECK(run_in(d, "check --shellcheck --shellcheck-binary /nonexistent/shellcheck Dockerfile").status == 2);
   fs::remove_all(d);
}
