// Every RUN body (and ADD from a URL) of a document, with its facts: the
// bodies of Dockerfile RUN instructions (shell form, `sh -c` / `powershell
// -Command` exec form, heredocs), and the RUN / ADD entries of the history
// documents (repo-info tag pages, `docker history` output, image configs).
// The rule engine's `run` visitor and `strata inspect` both read them here.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/tag_page.hpp"
#include "facts/conversion.hpp"
#include "facts/labels.hpp"
#include "facts/run_facts.hpp"

namespace strata::engine {

struct document;

/// A RUN body (or an ADD with a URL) with its facts, from a Dockerfile
/// instruction or from a history entry.
struct run_view {
   const facts::run_facts& facts;
   const ast::instruction* instruction = nullptr;  ///< set for Dockerfiles
   const ast::history_entry* entry = nullptr;      ///< set for tag page history entries
   const ast::section* section = nullptr;          ///< set for tag page history entries
   std::string_view keyword;                       ///< `RUN` or `ADD`
   ast::span where;                                ///< the instruction, or the history entry's text
   /// The trigger of an `ONBUILD RUN ...` (`instruction` is the trigger; it runs in the
   /// builds of images based on this one, so its body is parsed without the file's ARG/ENV values).
   bool onbuild = false;
   const ast::stage* stage = nullptr;  ///< the Dockerfile stage of the instruction (null before any FROM)
};

/// Whether an image reference names a Windows image (`windows`, `servercore` or `nanoserver`
/// in it, any case: mcr.microsoft.com/windows/servercore, python:3.12-windowsservercore).
[[nodiscard]] bool windows_image(std::string_view image);
/// Whether a stage is built on a Windows image, directly or through the earlier stages it names.
[[nodiscard]] bool windows_stage(const ast::dockerfile& df, const ast::stage& st);

/// One script of a Dockerfile RUN: its text, the map of its offsets back to the file, and its shell.
struct run_body {
   std::string_view text;  ///< into the instruction (arguments, a heredoc body or an exec-form element)
   ast::offset_map map;
   facts::shell_kind shell;
};

/// The scripts a RUN runs with shell `in_effect`: the shell form's text; the script of an
/// exec-form `sh -c` / `powershell -Command`; a heredoc that is the script (`RUN <<EOF`, or fed
/// to a shell reading standard input), unless its `#!` line names no shell.
[[nodiscard]] std::vector<run_body> dockerfile_bodies(const ast::instruction& inst, facts::shell_kind in_effect);

/// The shell in effect for each instruction of a Dockerfile (index = instruction
/// index): `sh` unless a SHELL says otherwise; `cmd` after a FROM of a Windows image
/// (`windows`, `servercore`, `nanoserver` in the name) until a SHELL.
[[nodiscard]] std::vector<facts::shell_kind> dockerfile_shells(const ast::dockerfile& df);

/// Calls `visit` for every RUN body and ADD-from-URL of `doc`, in document order
/// (docker history rows oldest first). Bodies are parsed with the shell in effect.
/// With `onbuild_triggers`, the RUN trigger of an ONBUILD is visited too, right after
/// the instructions before it (`run_view::onbuild`).
void for_each_run(const document& doc, const std::function<void(const run_view&)>& visit,
                  bool onbuild_triggers = false);

/// The run views of one document with their facts (ONBUILD triggers included), computed
/// on the first call and kept: the engine makes one per document and shares it with every
/// visitor of that document through `context::runs()`. `doc` must outlive it.
class document_runs {
public:
   explicit document_runs(const document& doc) : doc_(doc) {}
   document_runs(const document_runs&) = delete;
   document_runs& operator=(const document_runs&) = delete;

   /// Every view, in `for_each_run` order.
   [[nodiscard]] const std::vector<run_view>& all();
   /// The views of one Dockerfile instruction (a RUN has one per body: shell form, heredoc
   /// scripts; an ADD from a URL one; an ONBUILD trigger's views are the trigger's). Empty
   /// when it has none.
   [[nodiscard]] std::span<const run_view> of(const ast::instruction& inst);
   /// BuildKit's conversion of the document's Dockerfile for the build `request()` gives
   /// (facts/conversion.hpp), computed on the first call and shared (`request` is called only
   /// then); an empty conversion for other documents.
   [[nodiscard]] const facts::conversion& conversion(const std::function<facts::build_request()>& request);
   /// The labels of a LABEL instruction of the document's Dockerfile (an ONBUILD trigger too),
   /// as facts::labels_of gives them with the Dockerfile's escape character: computed on the
   /// first call for `inst` and kept (the label rules DL3048-DL3058 all read them). Empty for
   /// other instructions and documents.
   [[nodiscard]] const std::vector<facts::label>& labels(const ast::instruction& inst);
   /// How many times the views were computed (0 or 1).
   [[nodiscard]] int computations() const noexcept { return computations_; }

private:
   const document& doc_;
   std::deque<facts::run_facts> facts_;  ///< stable addresses for the views' references
   std::vector<run_view> views_;
   int computations_ = 0;
   std::optional<facts::conversion> conversion_;
   std::unordered_map<const ast::instruction*, std::vector<facts::label>> labels_;  ///< node-based: stable references
};

}  // namespace strata::engine
