#include "parse/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "ast/unicode.hpp"

namespace strata::parse {

namespace {

struct byte_order_mark {
   std::string_view bytes;
   std::string_view name;
   std::size_t unit;  ///< bytes per code unit
};

// UTF-32 first: its little-endian mark starts with UTF-16LE's.
constexpr std::array<byte_order_mark, 4> marks{{
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE", 4},
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE", 4},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE", 2},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE", 2},
}};

class converter {
public:
   explicit converter(const char* from) : cd_(::iconv_open("UTF-8", from)) {}
   converter(const converter&) = delete;
   converter& operator=(const converter&) = delete;
   ~converter() {
      if (ok()) ::iconv_close(cd_);
   }
   [[nodiscard]] bool ok() const noexcept { return cd_ != reinterpret_cast<iconv_t>(-1); }
   [[nodiscard]] iconv_t get() const noexcept { return cd_; }

private:
   iconv_t cd_;
};

}  // namespace

std::optional<std::string_view> decode_utf_bom(std::string& text) {
   const byte_order_mark* mark = nullptr;
   for (const auto& m : marks) {
      if (std::string_view(text).starts_with(m.bytes)) {
         mark = &m;
         break;
      }
   }
   if (mark == nullptr) return std::nullopt;
   const converter cd(std::string(mark->name).c_str());
   if (!cd.ok()) return std::nullopt;
   std::string out;
   out.reserve(text.size());
   std::array<char, 4096> buffer{};
   char* in = text.data();
   std::size_t left = text.size();
   while (left > 0) {
      char* to = buffer.data();
      std::size_t room = buffer.size();
      const std::size_t r = ::iconv(cd.get(), &in, &left, &to, &room);
      out.append(buffer.data(), static_cast<std::size_t>(to - buffer.data()));
      if (r != static_cast<std::size_t>(-1)) continue;
      if (errno == E2BIG) continue;
      // EILSEQ (a lone surrogate, a value past U+10FFFF) or EINVAL (a truncated last unit):
      // one unit becomes U+FFFD and decoding goes on.
      ast::append_rune(out, ast::replacement_rune);
      const std::size_t skip = std::min(left, mark->unit);
      in += skip;
      left -= skip;
   }
   if (!out.starts_with("\xEF\xBB\xBF")) out.insert(0, "\xEF\xBB\xBF");
   text = std::move(out);
   return mark->name;
}

bool normalize_history_text(std::string& text) {
   bool changed = false;
   if (text.starts_with("\xEF\xBB\xBF")) {
      text.erase(0, 3);
      changed = true;
   }
   if (text.find("\r\n") != std::string::npos) {
      std::string out;
      out.reserve(text.size());
      for (std::size_t i = 0; i < text.size(); ++i) {
         if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
         out += text[i];
      }
      text = std::move(out);
      return true;
   }
   if (text.find('\n') == std::string::npos && text.find('\r') != std::string::npos) {
      std::replace(text.begin(), text.end(), '\r', '\n');
      return true;
   }
   return changed;
}

std::string sniffable_text(std::string_view text) {
   std::string out(text);
   for (std::size_t i = 0; i < out.size();) {
      const auto r = ast::decode_rune(out, i);
      if (out[i] == '\0' || (r.rune == ast::replacement_rune && r.width == 1)) out[i] = '?';
      i += r.width;
   }
   return out;
}

}  // namespace strata::parse
