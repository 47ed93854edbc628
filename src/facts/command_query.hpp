// Command queries: a read-only view over one parsed facts::command that answers
// "which program runs, through which wrappers, with which subcommand, options
// and operands", so that fact extractors and rules do not scan words by hand.
//
//   sudo -u app env A=b apt-get -o Dpkg::Options::=--force-confold -yq install curl=7.88 ./x.deb
//   ^wrapper        ^wrapper ^program ^option with value          ^group ^subcommand ^operands
//
// Shapes:
// - The program is the first word past the wrappers (sh only: `sudo`, `env`, `nice`,
//   `timeout`, `time`, `exec`, `nohup`, `command`, `builtin`, `eatmydata`, with their
//   value-taking options: `sudo -u app`, `env -u X A=b`, `nice -n 10`, `timeout -s KILL 5`).
//   `python -m pip`, `python3 -m pip3`, `py -m pip` run pip: the program is the module.
//   program() is that word's basename, lower-cased (`/usr/bin/Curl` -> `curl`).
// - Every word after the program is one argument: an option (its value, when it takes
//   one, belongs to it) or an operand. What counts as an option follows the program's
//   row of one option table (command_query.cpp):
//   * a word of two or more characters starting with `-` is an option (`-` alone is an
//     operand, as is everything after a value-taking option's value);
//   * `--name=value` carries its value; `--name value` takes the next word when the
//     table lists `--name` as taking a value (single-dash long options such as go's
//     `-ldflags` and whole short options such as apt-get's `-o` are listed the same way);
//   * for programs whose short options group (`-fsSL`, `-yq`), the table names the
//     letters that take a value (curl `o`: `-fsSLo file`, `-ofile`): the first such
//     letter ends the group and takes the rest of the word, or the next word;
//   * PowerShell cmdlets (`Invoke-WebRequest`): parameters are matched in lower case,
//     `-Uri:value` carries its value, any word starting with `-` is a parameter.
// - The subcommand is the first operand (after the program's global options);
//   operands() are the operands after it for programs that have subcommands
//   (package managers, openssl, cosign, ...), all operands for the others.
//
// Limits: options are known only for the programs in the table (others: no option
// takes a value, short options group); an unknown option taking a value makes its
// value an operand. The package managers' value-taking short options are whole words
// (`apt-get -o X`, `pip -r f`), as the extractors always read them: in `pip -qr f`,
// has_option("-r") holds but `f` is an operand. `--` does not end the options. Words are matched on their values
// (quotes removed, expansions as written). PowerShell commands are never unwrapped.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/model.hpp"

namespace strata::facts {

/// One argument of a command, in word order.
struct argument {
   bool option = false;    ///< an option (else an operand)
   std::size_t index = 0;  ///< index of its word in command::words
   /// An option's name: `--output` (before `=`), `-o`/`-fsSLo` (a group up to the letter
   /// that takes the value), `-uri` (PowerShell: lower-cased, before `:`); an operand's value.
   std::string name;
   /// The option's value: attached (`--x=v`, `-ov`, `-Uri:v`) or the next word; an empty
   /// string for a value-taking short letter that ends the command. Operands: none.
   std::optional<std::string> value;
   /// The word holding the value (== index when attached); none when there is no value word.
   std::optional<std::size_t> value_index;
};

class command_query {
public:
   /// Views `c`. `pwsh`: the command is PowerShell (no wrappers are skipped). The query
   /// keeps a reference to `c`.
   command_query(const command& c, bool pwsh);

   [[nodiscard]] const command& cmd() const noexcept { return *command_; }

   /// What program() of a query over `c` is (command::program holds it for the commands of run_facts).
   [[nodiscard]] static std::string program_of(const command& c, bool pwsh);

   /// The program run, lower-cased basename (see above); "" when the words hold only wrappers.
   [[nodiscard]] const std::string& program() const noexcept { return program_; }
   [[nodiscard]] bool is_any(std::initializer_list<std::string_view> programs) const;
   /// Index in command::words of the program's word (words.size() when there is none).
   [[nodiscard]] std::size_t program_index() const noexcept { return program_index_; }
   /// Whether the program ran through wrapper `name` (`sudo`, `env`, ...; as its basename).
   [[nodiscard]] bool wrapper(std::string_view name) const;
   /// Whether the program is a Python module run with `python -m` (`python3 -m pip`).
   [[nodiscard]] bool through_module() const noexcept { return through_module_; }

   /// The k-th word after the program (k >= 1), by position, or null.
   [[nodiscard]] const shell_word* word(std::size_t k) const;

   /// All arguments after the program, in order (read on the first call: most queries ask
   /// for the program only).
   [[nodiscard]] const std::vector<argument>& arguments() const {
      if (!arguments_read_) parse_arguments();
      return arguments_;
   }
   /// The first operand, or null.
   [[nodiscard]] const argument* subcommand() const;
   /// The operands after the subcommand (programs with subcommands) or all of them.
   [[nodiscard]] std::vector<const argument*> operands() const;

   /// Whether argument `a` is option `name`: `-y` also matches a group holding `y` (`-yq`)
   /// for programs whose short options group; longer names match the option's name
   /// (`--x` matches `--x` and `--x=v`; PowerShell: in lower case).
   [[nodiscard]] bool is_option(const argument& a, std::string_view name) const;
   /// Whether any argument is option `name` (see is_option).
   [[nodiscard]] bool has_option(std::string_view name) const;
   /// The values of the options named `names`, in word order.
   [[nodiscard]] std::vector<std::string> option_values(std::initializer_list<std::string_view> names) const;

   struct syntax;  ///< one row of the option table (command_query.cpp)

private:
   const command* command_;
   std::string program_;
   std::size_t program_index_ = 0;
   std::vector<std::string> wrappers_;
   bool through_module_ = false;
   const syntax* syntax_ = nullptr;
   mutable std::vector<argument> arguments_;
   mutable bool arguments_read_ = false;

   void skip_wrappers();
   void run_module();
   void parse_arguments() const;
};

/// Queries over the commands of `f` whose program is one of `programs` (PowerShell when
/// f.shell is pwsh), in command order; commands of `sh -c` strings (command::in_string) are left out.
[[nodiscard]] std::vector<command_query> commands_named(const run_facts& f,
                                                        std::initializer_list<std::string_view> programs);

}  // namespace strata::facts
