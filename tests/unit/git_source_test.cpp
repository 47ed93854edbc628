// verify::source_tree over a git repository: libgit2 is opened at run time (dlopen of the
// soname strata was built against), the first time a source directory is opened.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "support/helpers.hpp"
#include "verify/source.hpp"

namespace fs = std::filesystem;

TEST_CASE("git source: a file at a commit is read through libgit2", "[verify][git]") {
   if (std::system("git --version > /dev/null 2>&1") != 0) {
      WARN("SKIPPED: git is not installed");
      return;
   }
   const fs::path dir = fs::temp_directory_path() / ("strata-git-" + std::to_string(::getpid()));
   fs::remove_all(dir);
   fs::create_directories(dir / "3.12");
   strata::test::write((dir / "3.12" / "Dockerfile").string(), "FROM debian:12\nRUN echo one\n");
   const std::string git = "git -C '" + dir.string() + "' -c user.name=t -c user.email=t@example.com ";
   REQUIRE(std::system((git + "init -q && " + git + "add . && " + git + "commit -q -m one").c_str()) == 0);
   strata::test::write((dir / "3.12" / "Dockerfile").string(), "FROM debian:12\nRUN echo two\n");
   REQUIRE(std::system((git + "commit -q -a -m two").c_str()) == 0);
   const std::string head = (dir.parent_path() / (dir.filename().string() + ".first")).string();
   REQUIRE(std::system(("git -C '" + dir.string() + "' rev-list --max-parents=0 HEAD > '" + head + "'").c_str()) == 0);
   const std::string first = strata::test::read(head);
   REQUIRE(first.size() >= 40);
   fs::remove(head);

   std::string error;
   const auto tree = strata::verify::source_tree::open(dir.string(), error);
   REQUIRE(tree);
   CHECK(tree->git());
   const auto text = tree->read(first.substr(0, 12), "3.12/Dockerfile", error);
   REQUIRE(text);
   CHECK(*text == "FROM debian:12\nRUN echo one\n");
   CHECK_FALSE(tree->read(first.substr(0, 12), "3.13/Dockerfile", error));
   CHECK_FALSE(error.empty());
   fs::remove_all(dir);
}
