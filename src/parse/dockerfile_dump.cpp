// BuildKit's Node.Dump() (frontend/dockerfile/parser/parser.go) over strata's model.
#include "ast/unicode.hpp"
#include "parse/dockerfile_parser.hpp"

namespace strata::parse {

std::string dump(const ast::instruction& inst) {
   std::string s = ast::go_to_lower(inst.keyword);
   if (!inst.flags.empty()) {
      s += " [";
      for (std::size_t i = 0; i < inst.flags.size(); ++i) {
         if (i > 0) s += ' ';
         s += ast::go_quote(inst.flags[i].text);
      }
      s += ']';
   }
   if (!inst.known) {
      s += " \"\"";  // parseIgnore: one empty node
   } else if (!inst.trigger.empty()) {
      s += " (" + dump(inst.trigger.front()) + ")";
   } else if (inst.name == "env" || inst.name == "label") {
      for (const auto& kv : inst.pairs) {
         s += ' ' + ast::go_quote(kv.key) + ' ' + ast::go_quote(kv.value) + (kv.legacy ? " \"\"" : " \"=\"");
      }
   } else {
      for (const auto& w : inst.words) {
         s += ' ' + ast::go_quote(w.text);
      }
   }
   return std::string(ast::go_trim_space(s));
}

std::string dump(const ast::dockerfile& df) {
   std::string s;
   for (const auto& inst : df.instructions) {
      s += '(' + dump(inst) + ")\n";
   }
   std::string out(ast::go_trim_space(s));
   out += '\n';
   return out;
}

}  // namespace strata::parse
