// Parser throughput (Google Benchmark): the Dockerfile parser alone, in memory, on
// the 856 real Dockerfiles of ../shared/corpus/dockerfiles-bench (or the paths in
// STRATA_BENCH_DOCKERFILES, colon-separated directories), the shell lexer, and the
// RUN bodies of those files through the sh and PowerShell grammars and the facts.
// Reports bytes per second; one core.
//   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DSTRATA_BENCH=ON
//   cmake --build build-release --target strata_bench && build-release/bench/strata_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/runs.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/pwsh_parser.hpp"
#include "parse/sh_parser.hpp"
#include "parse/shell_lexer.hpp"

namespace {

namespace fs = std::filesystem;

struct input {
   std::string path, text;
};

const std::vector<input>& dockerfiles() {
   static const std::vector<input> files = [] {
      std::vector<input> out;
      const char* env = std::getenv("STRATA_BENCH_DOCKERFILES");
      std::string dirs = env != nullptr ? env : std::string(STRATA_SOURCE_DIR) + "/../shared/corpus/dockerfiles-bench";
      std::stringstream ss(dirs);
      std::string dir;
      while (std::getline(ss, dir, ':')) {
         if (!fs::exists(dir)) continue;
         for (const auto& e : fs::recursive_directory_iterator(dir)) {
            if (!e.is_regular_file() || !strata::engine::is_dockerfile_name(e.path().filename().string())) continue;
            std::ifstream in(e.path(), std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            out.push_back({e.path().string(), s.str()});
         }
      }
      return out;
   }();
   return files;
}

void parse_dockerfiles(benchmark::State& state) {
   const auto& files = dockerfiles();
   if (files.empty()) {
      state.SkipWithError(
          "no Dockerfiles: ../shared/corpus/dockerfiles-bench is absent (set STRATA_BENCH_DOCKERFILES)");
      return;
   }
   std::size_t bytes = 0;
   for (auto _ : state) {
      for (const auto& f : files) {
         auto df = strata::parse::parse_dockerfile(f.path, f.text);
         benchmark::DoNotOptimize(df.instructions.data());
         bytes += f.text.size();
      }
   }
   state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
   state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(parse_dockerfiles)->Unit(benchmark::kMillisecond);

void lex_words(benchmark::State& state) {
   const std::string word = "https://example.com/${NAME:-python}/${VERSION%%-*}/\"$FILE\".tar.xz ${A//-/_}";
   const strata::parse::environment env = {{"VERSION", "3.12.1-rc1"}, {"FILE", "Python 3"}, {"A", "a-b-c"}};
   for (auto _ : state) {
      auto r = strata::parse::process_word(word, env);
      benchmark::DoNotOptimize(r.words.data());
   }
   state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * word.size()));
}
BENCHMARK(lex_words);

// The RUN bodies (shell form and heredocs) of the bench Dockerfiles, by shell.
struct bodies {
   std::vector<std::string> sh, pwsh;
};

const bodies& run_bodies() {
   static const bodies out = [] {
      bodies b;
      for (const auto& f : dockerfiles()) {
         const auto df = strata::parse::parse_dockerfile(f.path, f.text);
         const auto shells = strata::engine::dockerfile_shells(df);
         for (std::size_t i = 0; i < df.instructions.size(); ++i) {
            const auto& inst = df.instructions[i];
            if (inst.name != "run" || inst.form != strata::ast::argument_form::shell) continue;
            if (shells[i] == strata::facts::shell_kind::sh) b.sh.push_back(inst.arguments);
            if (shells[i] == strata::facts::shell_kind::pwsh) b.pwsh.push_back(inst.arguments);
         }
      }
      return b;
   }();
   return out;
}

template <strata::ast::shell_script (*Parse)(std::string_view)>
void parse_bodies(benchmark::State& state, const std::vector<std::string>& list) {
   if (list.empty()) {
      state.SkipWithError("no RUN bodies: ../shared/corpus/dockerfiles-bench is absent (set STRATA_BENCH_DOCKERFILES)");
      return;
   }
   std::size_t bytes = 0;
   for (auto _ : state) {
      for (const auto& body : list) {
         auto s = Parse(body);
         benchmark::DoNotOptimize(s.commands.data());
         bytes += body.size();
      }
   }
   state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
   state.counters["bodies"] = static_cast<double>(list.size());
}

void parse_sh_bodies(benchmark::State& state) {
   parse_bodies<strata::parse::parse_sh>(state, run_bodies().sh);
}
BENCHMARK(parse_sh_bodies)->Unit(benchmark::kMillisecond);
void parse_pwsh_bodies(benchmark::State& state) {
   parse_bodies<strata::parse::parse_pwsh>(state, run_bodies().pwsh);
}
BENCHMARK(parse_pwsh_bodies)->Unit(benchmark::kMillisecond);

// Every RUN of every bench Dockerfile with its facts (parse + downloads, installs, ...).
void run_facts_of_dockerfiles(benchmark::State& state) {
   std::vector<strata::engine::document> docs;
   for (const auto& f : dockerfiles()) {
      if (auto d = strata::engine::load_document(f.path, f.text, strata::engine::origin::named))
         docs.push_back(std::move(*d));
   }
   if (docs.empty()) {
      state.SkipWithError("no Dockerfiles");
      return;
   }
   std::size_t runs = 0;
   for (auto _ : state) {
      for (const auto& d : docs) {
         strata::engine::for_each_run(d, [&](const strata::engine::run_view& v) {
            benchmark::DoNotOptimize(v.facts.commands.data());
            ++runs;
         });
      }
   }
   state.counters["runs/s"] = benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
}
BENCHMARK(run_facts_of_dockerfiles)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
