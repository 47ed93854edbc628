#include "ast/dockerfile.hpp"

namespace strata::ast {

const flag* instruction::find_flag(std::string_view flag_name) const {
   for (const auto& f : flags) {
      if (f.name == flag_name) {
         return &f;
      }
   }
   return nullptr;
}

}  // namespace strata::ast
