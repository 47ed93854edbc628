// Parser throughput (Google Benchmark): the Dockerfile parser alone, in memory, on
// the 856 real Dockerfiles of ../shared/corpus/dockerfiles-bench (or the paths in
// STRATA_BENCH_DOCKERFILES, colon-separated directories), and the shell lexer.
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
#include "parse/dockerfile_parser.hpp"
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
      state.SkipWithError("no Dockerfiles: ../shared/corpus/dockerfiles-bench is absent (set STRATA_BENCH_DOCKERFILES)");
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

}  // namespace

BENCHMARK_MAIN();
