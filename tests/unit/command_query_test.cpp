// Command queries (facts/command_query.hpp): wrappers, program, subcommand, options
// (short groups, `--x=v`, `--x v`), operands, commands_named.
#include <catch2/catch.hpp>

#include "facts/command_query.hpp"
#include "facts/run_facts.hpp"

using namespace strata;

namespace {
facts::run_facts facts_of(const std::string& body, ast::source_file& src,
                          facts::shell_kind shell = facts::shell_kind::sh) {
   src = ast::source_file("f", body);
   ast::offset_map m;
   m.append(0, 0, body.size());
   return facts::analyze_run(src.text(), m, src, shell);
}

std::vector<std::string> operand_values(const facts::command_query& q) {
   std::vector<std::string> out;
   for (const auto* a : q.operands()) out.push_back(a->name);
   return out;
}
}  // namespace

TEST_CASE("wrappers are skipped with their options", "[command_query]") {
   ast::source_file src;
   auto f = facts_of("sudo -u app env -u X A=b nice -n 10 timeout -s KILL 5 /usr/bin/Apt-Get install -y curl", src);
   REQUIRE(f.commands.size() == 1);
   const facts::command_query q(f.commands[0], false);
   CHECK(q.program() == "apt-get");
   CHECK(q.program_index() == 14);
   CHECK(q.wrapper("sudo"));
   CHECK(q.wrapper("env"));
   CHECK(q.wrapper("timeout"));
   CHECK_FALSE(q.wrapper("exec"));
   REQUIRE(q.subcommand() != nullptr);
   CHECK(q.subcommand()->name == "install");
   CHECK(operand_values(q) == std::vector<std::string>{"curl"});

   f = facts_of("sudo -E", src);  // nothing but a wrapper
   const facts::command_query only(f.commands[0], false);
   CHECK(only.program().empty());
   CHECK(only.subcommand() == nullptr);
   CHECK_FALSE(only.is_any({"sudo"}));

   f = facts_of("sudo apt-get update", src, facts::shell_kind::pwsh);  // PowerShell: never unwrapped
   const facts::command_query ps(f.commands[0], true);
   CHECK(ps.program() == "sudo");
   CHECK_FALSE(ps.wrapper("sudo"));
}

TEST_CASE("short option groups, --x=v and --x v", "[command_query]") {
   ast::source_file src;
   auto f = facts_of(
       "apt-get -yq -o Dpkg::Options::=--force-confold --target-release=buster install --no-install-recommends vim",
       src);
   const facts::command_query apt(f.commands[0], false);
   CHECK(apt.has_option("-y"));
   CHECK(apt.has_option("-q"));
   CHECK_FALSE(apt.has_option("-s"));
   CHECK(apt.has_option("--no-install-recommends"));
   CHECK(apt.option_values({"-o"}) == std::vector<std::string>{"Dpkg::Options::=--force-confold"});
   CHECK(apt.option_values({"--target-release", "-t"}) == std::vector<std::string>{"buster"});
   CHECK(apt.subcommand()->name == "install");
   CHECK(operand_values(apt) == std::vector<std::string>{"vim"});  // the -o value is not an operand

   // apt-get's long spellings of value-taking options: their values are not the subcommand
   f = facts_of("apt-get --option APT::Install-Recommends=false -a arm64 --config-file /etc/x.conf install -y vim",
                src);
   const facts::command_query apt_long(f.commands[0], false);
   CHECK(apt_long.option_values({"-o", "--option"}) == std::vector<std::string>{"APT::Install-Recommends=false"});
   CHECK(apt_long.option_values({"-a", "--host-architecture"}) == std::vector<std::string>{"arm64"});
   CHECK(apt_long.subcommand()->name == "install");
   CHECK(operand_values(apt_long) == std::vector<std::string>{"vim"});

   f = facts_of("curl -fsSLo out.tgz --retry 3 --header=X:1 -k https://e.example/a.tgz", src);
   const facts::command_query curl(f.commands[0], false);
   CHECK(curl.option_values({"-o", "--output"}) == std::vector<std::string>{"out.tgz"});
   CHECK(curl.option_values({"--retry"}) == std::vector<std::string>{"3"});
   CHECK(curl.option_values({"--header"}) == std::vector<std::string>{"X:1"});
   CHECK(curl.has_option("-L"));
   CHECK(curl.has_option("-k"));
   CHECK_FALSE(curl.has_option("-O"));
   CHECK(operand_values(curl) == std::vector<std::string>{"https://e.example/a.tgz"});

   f = facts_of("curl -ofile -oO https://e.example/b", src);  // a value letter ends its group
   const facts::command_query attached(f.commands[0], false);
   CHECK(attached.option_values({"-o"}) == std::vector<std::string>{"file", "O"});
   CHECK_FALSE(attached.has_option("-O"));
   REQUIRE(attached.arguments().size() == 3);
   CHECK(attached.arguments()[0].value_index == std::optional<std::size_t>(1));

   f = facts_of("go build -ldflags '-s -w' -o /bin/app ./cmd", src);  // go: single-dash long options
   const facts::command_query go(f.commands[0], false);
   CHECK(go.option_values({"-ldflags"}) == std::vector<std::string>{"-s -w"});
   CHECK(go.subcommand()->name == "build");
   CHECK(operand_values(go) == std::vector<std::string>{"./cmd"});
}

TEST_CASE("python -m pip runs pip", "[command_query]") {
   ast::source_file src;
   auto f = facts_of("python3 -m pip install --no-cache-dir -r req.txt flask==2.0", src);
   const facts::command_query q(f.commands[0], false);
   CHECK(q.program() == "pip");
   CHECK(q.through_module());
   CHECK(q.program_index() == 2);
   CHECK(q.subcommand()->name == "install");
   CHECK(q.option_values({"-r", "--requirement"}) == std::vector<std::string>{"req.txt"});
   CHECK(operand_values(q) == std::vector<std::string>{"flask==2.0"});

   f = facts_of("python3 -m venv /opt/venv", src);  // other modules: python runs
   const facts::command_query venv(f.commands[0], false);
   CHECK(venv.program() == "python3");
   CHECK_FALSE(venv.through_module());
}

TEST_CASE("PowerShell parameters", "[command_query]") {
   ast::source_file src;
   auto f = facts_of("Invoke-WebRequest -Uri:https://e.example/a -OutFile a.zip -UseBasicParsing", src,
                     facts::shell_kind::pwsh);
   const facts::command_query q(f.commands[0], true);
   CHECK(q.program() == "invoke-webrequest");
   CHECK(q.option_values({"-Uri"}) == std::vector<std::string>{"https://e.example/a"});
   CHECK(q.option_values({"-outfile"}) == std::vector<std::string>{"a.zip"});
   CHECK(q.has_option("-UseBasicParsing"));
   CHECK(q.operands().empty());
}

TEST_CASE("commands_named views the commands running those programs", "[command_query]") {
   ast::source_file src;
   const auto f = facts_of(
       "set -e; sudo apt-get update && echo $(curl -fsSL https://e.example) | sudo tee /x; apt install -y git", src);
   const auto apt = facts::commands_named(f, {"apt-get", "apt"});
   REQUIRE(apt.size() == 2);
   CHECK(apt[0].program() == "apt-get");
   CHECK(apt[0].wrapper("sudo"));
   CHECK(apt[0].subcommand()->name == "update");
   CHECK(apt[1].program() == "apt");
   CHECK(apt[1].has_option("-y"));
   CHECK(&apt[1].cmd() == &f.commands.back());
   CHECK(facts::commands_named(f, {"tee"}).size() == 1);
   CHECK(facts::commands_named(f, {"wget"}).empty());
}
