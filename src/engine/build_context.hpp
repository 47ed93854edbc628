// The build context of a Dockerfile as BuildKit's CopyIgnoredFile check sees it: its
// `.dockerignore` patterns (parse/dockerignore.hpp).
#pragma once

#include "engine/config.hpp"
#include "parse/dockerignore.hpp"

namespace strata::ast {
struct dockerfile;
}

namespace strata::engine {

/// The ignore patterns of `df`'s build: `<Dockerfile>.dockerignore` beside the Dockerfile
/// when it exists (BuildKit prefers it: `app.Dockerfile.dockerignore`), else `.dockerignore`
/// at the root of the context, `cfg.context_dir` or the Dockerfile's directory (the working
/// directory for standard input). Empty when there is none, or when it is not a regular file
/// or is larger than 1 MiB. Each file is read once per process (the result is cached by
/// path; thread-safe).
[[nodiscard]] const parse::ignore_patterns& build_context_ignore(const ast::dockerfile& df, const config& cfg);

}  // namespace strata::engine
