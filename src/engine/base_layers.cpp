#include "engine/base_layers.hpp"

#include <algorithm>

namespace strata::engine {

bool creates_root(const ast::history_entry& e) {
   std::string_view a = e.arguments;
   while (a.ends_with(' ')) a.remove_suffix(1);  // classic `ADD file:… in / `
   if (e.keyword == "ADD" || e.keyword == "COPY") return a.ends_with(" /") || a.ends_with(" in /");
   return e.keyword == "RUN" && (a.starts_with("Apply image ") || a.starts_with("# debian.sh "));
}

bool has_base_root(const ast::section& s) {
   return !s.history.empty() && creates_root(s.history.front());
}

std::size_t base_layer_count(const ast::section& s) {
   if (!has_base_root(s) || s.layers.empty()) return 0;
   const bool windows_base = s.history.front().arguments.starts_with("Apply image ");
   std::size_t n = 1;
   while (windows_base && n < s.history.size() && n < s.layers.size() && s.history[n].keyword == "RUN" &&
          s.history[n].arguments.starts_with("Install update ")) {
      ++n;
   }
   return n;
}

std::vector<const ast::history_entry*> layer_origins(const ast::section& s) {
   std::vector<const ast::history_entry*> out(s.layers.size(), nullptr);
   if (s.history.size() == s.layers.size()) {  // Windows, and Linux images whose every entry has a layer
      for (std::size_t i = 0; i < out.size(); ++i) out[i] = &s.history[i];
      return out;
   }
   if (!s.is_windows()) {
      std::vector<const ast::history_entry*> creating;
      for (const auto& e : s.history) {
         if (e.keyword == "RUN" || e.keyword == "ADD" || e.keyword == "COPY") creating.push_back(&e);
      }
      if (creating.size() == s.layers.size()) return creating;
   }
   const std::size_t base = std::min(base_layer_count(s), out.size());
   for (std::size_t i = 0; i < base; ++i) out[i] = &s.history[i];
   return out;
}

std::string_view architecture(std::string_view platform) noexcept {
   const auto semi = platform.rfind("; ");
   std::string_view arch = semi == std::string_view::npos ? platform : platform.substr(semi + 2);
   const auto variant = arch.find(" variant");
   if (variant != std::string_view::npos) arch = arch.substr(0, variant);
   return arch;
}

}  // namespace strata::engine
