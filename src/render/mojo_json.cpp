#include "render/mojo_json.hpp"

#include <fmt/format.h>

namespace strata::render {
namespace {

void encode_string(const std::string& s, std::string& out) {
   out += '"';
   for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      switch (c) {
         case '"':
            out += "\\\"";
            continue;
         case '\\':
            out += "\\\\";
            continue;
         case '/':
            out += "\\/";
            continue;
         case '\b':
            out += "\\b";
            continue;
         case '\f':
            out += "\\f";
            continue;
         case '\n':
            out += "\\n";
            continue;
         case '\r':
            out += "\\r";
            continue;
         case '\t':
            out += "\\t";
            continue;
         default:
            break;
      }
      if (c < 0x20) {
         out += fmt::format("\\u{:04X}", c);
      } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
         out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
         i += 2;
      } else {
         out += static_cast<char>(c);
      }
   }
   out += '"';
}

void encode(const nlohmann::json& v, std::string& out) {
   switch (v.type()) {
      case nlohmann::json::value_t::array: {
         out += '[';
         bool first = true;
         for (const auto& e : v) {
            if (!first) out += ',';
            first = false;
            encode(e, out);
         }
         out += ']';
         return;
      }
      case nlohmann::json::value_t::object: {
         out += '{';
         bool first = true;
         for (const auto& [k, e] : v.items()) {  // nlohmann::json keeps keys sorted, as Mojo::JSON writes them
            if (!first) out += ',';
            first = false;
            encode_string(k, out);
            out += ':';
            encode(e, out);
         }
         out += '}';
         return;
      }
      case nlohmann::json::value_t::string:
         encode_string(v.get_ref<const std::string&>(), out);
         return;
      default:
         out += v.dump();
         return;
   }
}

}  // namespace

std::string mojo_json(const nlohmann::json& value) {
   std::string out;
   encode(value, out);
   return out;
}

std::optional<std::string> mojo_json_canonical(std::string_view text) {
   auto v = nlohmann::json::parse(text, nullptr, false);
   if (v.is_discarded()) return std::nullopt;
   return mojo_json(v);
}

}  // namespace strata::render
