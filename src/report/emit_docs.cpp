#include <filesystem>

#include "render/document.hpp"
#include "report/output_file.hpp"
#include "report/report.hpp"

namespace strata::report {

namespace fs = std::filesystem;

bool emit_docs(const std::string& dir, const std::string& name, const engine::document& doc,
               std::span<const engine::finding> findings, std::string& error) {
   auto model = render::model_json(doc);
   if (!model) return true;  // Dockerfiles and binary input: no documentation to emit
   const auto canonical = render::normalized(doc);
   const fs::path base = fs::path(dir) / name;
   std::error_code ec;
   fs::create_directories(base.parent_path(), ec);
   if (ec) {
      error = base.parent_path().string() + ": " + ec.message();
      return false;
   }
   nlohmann::ordered_json j;
   j["document"] = nlohmann::ordered_json(std::move(*model));
   auto& list = j["findings"] = nlohmann::ordered_json::array();
   for (const auto& f : findings) list.push_back(finding_json(f));
   const auto write = [&](const fs::path& path, const std::string& text) {
      auto out = output_file::open(path.string(), error);
      if (!out) return false;
      out->stream() << text;
      return out->commit(error);
   };
   return (!canonical || write(fs::path(base).concat(".md"), *canonical)) &&
          write(fs::path(base).concat(".json"),
                j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

}  // namespace strata::report
