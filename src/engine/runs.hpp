// Every RUN body (and ADD from a URL) of a document, with its facts: the
// bodies of Dockerfile RUN instructions (shell form, `sh -c` / `powershell
// -Command` exec form, heredocs), and the RUN / ADD entries of the history
// documents (repo-info tag pages, `docker history` output, image configs).
// The rule engine's `run` visitor and `strata inspect` both read them here.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/tag_page.hpp"
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
   std::string_view keyword;  ///< `RUN` or `ADD`
   ast::span where;           ///< the instruction, or the history entry's text
};

/// The shell in effect for each instruction of a Dockerfile (index = instruction
/// index): `sh` unless a SHELL says otherwise; `cmd` after a FROM of a Windows image
/// (`windows`, `servercore`, `nanoserver` in the name) until a SHELL.
[[nodiscard]] std::vector<facts::shell_kind> dockerfile_shells(const ast::dockerfile& df);

/// Calls `visit` for every RUN body and ADD-from-URL of `doc`, in document order
/// (docker history rows oldest first). Bodies are parsed with the shell in effect.
void for_each_run(const document& doc, const std::function<void(const run_view&)>& visit);

}  // namespace strata::engine
