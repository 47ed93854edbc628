// libFuzzer target: the PowerShell grammar (parse/pwsh_parser.hpp) on any bytes, the
// command model's invariants, and the facts derived from it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parse/pwsh_parser.hpp"
#include "shell_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
   using namespace strata;
   const std::string body(reinterpret_cast<const char*>(data), size);
   fuzz::check_script(parse::parse_pwsh(body), body);
   fuzz::check_facts(body, facts::shell_kind::pwsh);
   return 0;
}
