// Downloads: curl and wget (sh; `curl.exe`/`wget.exe` in PowerShell), PowerShell's web
// cmdlets (`Invoke-WebRequest`, `iwr`, `Invoke-RestMethod`, `Start-BitsTransfer`, and
// `curl`/`wget`, its aliases) and .NET WebClient methods (`DownloadFile`, ...).
#include <optional>

#include <re2/re2.h>

#include "ast/text.hpp"

#include "facts/extract.hpp"
#include "facts/run_facts.hpp"

namespace strata::facts {

namespace {

bool is_method_download(const command_query& q) {
   return q.is_any({"downloadfile", "downloadstring", "downloaddata", "openread"});
}

bool is_transfer_program(const command_query& q, bool pwsh) {
   return pwsh ? q.is_any({"curl.exe", "wget.exe"}) : q.is_any({"wget", "curl"});
}

bool is_cmdlet_download(const command_query& q) {
   return q.is_any({"invoke-webrequest", "iwr", "invoke-restmethod", "irm", "start-bitstransfer", "wget", "curl"});
}

// sh: the command that `xargs [options] CMD ...` or `busybox CMD ...` runs, as a command of
// its own (the words from CMD on), or nullopt. Only the download facts look through these two
// (hadolint, and the other facts, see `xargs` and `busybox` as the program).
std::optional<command> run_through(const command_query& q, bool pwsh) {
   if (pwsh || !q.is_any({"xargs", "busybox"})) return std::nullopt;
   const auto& w = q.cmd().words;
   std::size_t i = q.program_index() + 1;
   if (q.program() == "xargs") {
      static constexpr std::string_view values = "-n -I -P -L -d -s -E -a -e -i -l";
      while (i < w.size() && w[i].value.size() > 1 && w[i].value[0] == '-') {
         i += listed(values, w[i].value) ? 2 : 1;
      }
   }
   if (i >= w.size()) return std::nullopt;
   command c = q.cmd();
   c.words.erase(c.words.begin(), c.words.begin() + static_cast<std::ptrdiff_t>(i));
   c.name = basename(c.words[0].value);
   return c;
}

bool handles(const command_query& q, const body_context& cx) {
   if (q.cmd().method) return is_method_download(q);
   if (const auto inner = run_through(q, cx.pwsh)) return is_transfer_program(command_query(*inner, false), false);
   return is_transfer_program(q, cx.pwsh) || (cx.pwsh && is_cmdlet_download(q));
}

void push(run_facts& f, download d, std::size_t index, body_context& cx) {
   f.downloads.push_back(std::move(d));
   cx.download_offsets.push_back(cx.script.commands[index].begin);
}

// Whether a word made of variables can be a URL: not `$DOWNLOAD_OPTIONS` (options by its
// name, or expanding to `-…`), and not a variable known to be empty (`wget "$ASC_URL"`
// guarded by `if [ "$ASC_URL" ]`: nothing is downloaded).
bool names_url(const std::string& value, std::size_t before, const body_context& cx) {
   static const RE2 options(R"(\$\{?[A-Za-z_]*(?i:OPTIONS|OPTS|FLAGS|ARGS)\}?)");
   if (RE2::FullMatch(value, options)) return false;
   const std::string e = cx.vars.expand(value, before);
   return !(e.empty() || e.starts_with('-'));
}

// An operand of curl or wget that names a URL (not `=https` of an unknown option taking a value).
bool is_url_operand(const std::string& v, std::size_t before, const body_context& cx) {
   const bool scheme = v.find("://") != std::string::npos;
   if (!scheme && !v.starts_with('$') && (v.starts_with('=') || v.find_first_of("./") == std::string::npos))
      return false;
   return !(v.starts_with('$') && !scheme && !names_url(v, before, cx));
}

// The option that turns certificate checks off, as written, or "".
std::string insecure_option(const command_query& q, bool curl) {
   std::string out;
   for (const auto& a : q.arguments()) {
      const bool off =
          curl ? q.is_option(a, "-k") || q.is_option(a, "--insecure") : q.is_option(a, "--no-check-certificate");
      if (off) out = q.cmd().words[a.index].value;
   }
   return out;
}

// The output file an option or a redirection names (`-o f`, `-O f`, `--output-document=f`, `> f`), or "".
std::string transfer_output(const command_query& q, bool curl, const ast::shell_command& sc) {
   const auto values = curl ? q.option_values({"-o", "--output", "--output-document"})
                            : q.option_values({"-O", "--output", "--output-document"});
   std::string out = values.empty() ? std::string() : values.back();
   if (!out.empty()) return out;
   for (const auto& r : sc.redirections) {  // `curl URL > file`
      if (r.op == ">" || r.op == ">|" || r.op == "1>") out = r.target.value;
   }
   return out;
}

// curl and wget: one download per URL; an explicit output names the first one's file.
void transfer_download(run_facts& f, std::size_t index, const command_query& q, body_context& cx, download d,
                       bool xargs) {
   const bool curl = q.program().starts_with("curl");
   const command& c = q.cmd();
   const ast::shell_command& sc = cx.script.commands[index];
   d.tool = q.program();
   d.insecure = insecure_option(q, curl);
   const bool remote_name = q.has_option("--remote-name") || (curl && q.has_option("-O"));
   d.output = transfer_output(q, curl, sc);
   std::vector<const shell_word*> urls;
   for (const argument* a : q.operands()) {
      if (is_url_operand(a->name, sc.begin, cx)) urls.push_back(&c.words[a->index]);
   }
   std::vector<shell_word> piped;  // `echo URL | xargs curl -O`: the URLs come from the producer
   if (urls.empty() && xargs) {
      for (const auto& [word, text] : piped_tokens(f, index)) {
         if (text.find("://") == std::string::npos) continue;
         piped.push_back(*word);
         piped.back().value = text;
      }
      for (const auto& p : piped) urls.push_back(&p);
   }
   for (std::size_t k = 0; k < urls.size(); ++k) {
      download each = d;
      if (k > 0 || each.output.empty()) each.output = !curl || remote_name ? file_name(urls[k]->value) : "";
      if (k == 0 && !d.output.empty()) each.output = d.output;
      each.url = urls[k]->value;
      each.url_where = urls[k]->where;
      if (each.url.empty()) continue;
      push(f, std::move(each), index, cx);
   }
}

// PowerShell cmdlets: `-Uri`/`-Source`/`-Url` (or the first operand, a URL one preferred)
// and `-OutFile`/`-Destination`, with `-Name value` or `-Name:value`.
void cmdlet_download(run_facts& f, std::size_t index, const command_query& q, body_context& cx, download d) {
   const command& c = q.cmd();
   d.tool = c.words[q.program_index()].value;
   std::optional<shell_word> url;
   for (const auto& a : q.arguments()) {
      if (!a.option) {
         const shell_word& w = c.words[a.index];
         if (!url || (url->value.find("://") == std::string::npos && w.value.find("://") != std::string::npos)) url = w;
         continue;
      }
      if (a.name == "-skipcertificatecheck") d.insecure = c.words[a.index].value;
      if (!a.value) continue;
      if (a.name == "-uri" || a.name == "-source" || a.name == "-url") {
         url = c.words[*a.value_index];
         url->value = *a.value;
      }
      if (a.name == "-outfile" || a.name == "-destination") d.output = *a.value;
   }
   if (!url || url->value.empty()) return;
   d.url = url->value;
   d.url_where = url->where;
   push(f, std::move(d), index, cx);
}

// `(New-Object Net.WebClient).DownloadFile(url, file)`.
void method_download(run_facts& f, std::size_t index, const command_query& q, body_context& cx, download d) {
   const command& c = q.cmd();
   d.tool = c.words[0].value;
   if (c.words.size() > 2) d.output = c.words[2].value;
   if (c.words.size() < 2 || c.words[1].value.empty()) return;
   d.url = c.words[1].value;
   d.url_where = c.words[1].where;
   push(f, std::move(d), index, cx);
}

void extract(run_facts& f, std::size_t index, const command_query& q, body_context& cx) {
   download d;
   d.where = q.cmd().where;
   d.command = static_cast<int>(index);
   if (q.cmd().method) {
      method_download(f, index, q, cx, std::move(d));
   } else if (const auto inner = run_through(q, cx.pwsh)) {
      transfer_download(f, index, command_query(*inner, false), cx, std::move(d), q.program() == "xargs");
   } else if (is_transfer_program(q, cx.pwsh)) {
      transfer_download(f, index, q, cx, std::move(d), false);
   } else {
      cmdlet_download(f, index, q, cx, std::move(d));
   }
}

// A shell (sh, bash, ..., PowerShell), `iex` / Invoke-Expression, or a script interpreter.
bool runs_code(const command& c) {
   if (shell_from_executable(c.name) == shell_kind::sh || shell_from_executable(c.name) == shell_kind::pwsh) {
      return true;
   }
   std::string n = ast::lower(c.name);
   if (n.ends_with(".exe")) n.resize(n.size() - 4);
   return n == "iex" || n == "invoke-expression" || n == "python" || n.starts_with("python3") || n == "perl" ||
          n == "ruby" || n == "node";
}

}  // namespace

const extractor download_extractor{handles, extract};

void mark_executed(run_facts& f) {
   for (auto& d : f.downloads) {
      if (d.command < 0) continue;
      const auto& by = f.commands[static_cast<std::size_t>(d.command)];
      // piped into an interpreter, possibly through other commands (`curl | tee x | sh`)
      for (int next = by.piped_to, hops = 0; next >= 0 && hops < 16 && d.executed_by < 0; ++hops) {
         const auto& c = f.commands[static_cast<std::size_t>(next)];
         if (runs_code(c)) d.executed_by = next;
         next = c.piped_to;
      }
      if (d.executed_by >= 0) continue;
      // or its output is an interpreter's argument: `sh -c "$(curl ...)"`, `bash <(curl ...)`,
      // `iex (...DownloadString(...))`: the innermost interpreter around it
      for (std::size_t i = 0; i < f.commands.size(); ++i) {
         const auto& c = f.commands[i];
         if (c.depth < by.depth && runs_code(c) && c.where.begin <= d.where.begin && d.where.end <= c.where.end &&
             !by.in_string)
            d.executed_by = static_cast<int>(i);
      }
   }
}

}  // namespace strata::facts
