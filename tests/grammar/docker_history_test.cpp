// `docker history` output (grammar/docker_history.hpp, parse/docker_history_parser.hpp).
#include <catch2/catch.hpp>

#include <random>

#include "parse/docker_history_parser.hpp"
#include "render/model_json.hpp"
#include "support/helpers.hpp"

using strata::ast::docker_history_format;
using strata::ast::history_form;
using strata::ast::history_prefix_kind;
using strata::ast::history_shell;
using strata::ast::position;
using strata::parse::parse_docker_history;

namespace {
strata::ast::docker_history fixture(const std::string& name) {
   const std::string path = strata::test::source_path("tests/fixtures/docker-history/" + name);
   return parse_docker_history(path, strata::test::read(path));
}
/// The file text at the file offset an instruction range maps to.
std::string_view at_file(const strata::ast::docker_history& h, const strata::ast::docker_history_row& row,
                         strata::ast::byte_range r) {
   const std::size_t b = row.created_by_map.to_file(r.begin);
   return std::string_view(h.source.text()).substr(b, r.end - r.begin);
}
}  // namespace

TEST_CASE("docker history --no-trunc table: columns from the header, rows newest first", "[docker_history]") {
   const auto h = fixture("python-3.12-slim.no-trunc.txt");
   CHECK(h.errors.empty());
   CHECK(h.format == docker_history_format::table);
   REQUIRE(h.columns.size() == 5);
   CHECK(h.columns[2].name == "CREATED BY");
   CHECK(h.columns[2].column == 88);
   REQUIRE(h.rows.size() == 12);
   const auto& newest = h.rows.front();
   CHECK(newest.image.text == "sha256:a1675fc29cc86b8e915c1c48a9583c1b43a834615147fcbaa59676e2e39476a4");
   CHECK_FALSE(newest.missing);
   CHECK(newest.instruction.keyword == "CMD");
   CHECK(newest.instruction.form == history_form::quoted_array);
   CHECK(newest.created->age_seconds == 14 * 86400);
   CHECK(newest.size->bytes == 0U);
   CHECK(newest.comment.text == "buildkit.dockerfile.v0");
   CHECK(newest.created_by.where.start == position{2, 89});
   CHECK(newest.size->where.start.line == 2);

   const auto& build = h.rows[2];
   CHECK(build.missing);
   CHECK(build.instruction.prefix.kind == history_prefix_kind::buildkit_run);
   REQUIRE(build.instruction.prefix.build_args.size() == 1);
   CHECK(build.instruction.prefix.build_args[0].key == "TARGETARCH");
   CHECK(build.instruction.buildkit);
   REQUIRE(build.instruction.body);
   CHECK(at_file(h, build, build.instruction.body->where) == build.instruction.body->text);
   CHECK(build.size->text == "41.2MB");
   CHECK_FALSE(build.size->bytes);
   CHECK(build.size->approx_bytes == Approx(41.2e6));

   const auto& oldest = h.rows.back();
   CHECK(oldest.instruction.prefix.kind == history_prefix_kind::nop);
   CHECK(oldest.instruction.keyword == "ADD");
   REQUIRE(oldest.instruction.source);
   CHECK(oldest.instruction.source->destination.text == "/");
   CHECK_FALSE(oldest.instruction.source->trailing_space);  // lost in the padding
   CHECK(oldest.comment.text.empty());
   CHECK(h.rows[9].instruction.keyword == "ENV");
   CHECK(at_file(h, h.rows[9], h.rows[9].instruction.pairs.at(0).key_range) == "PATH");
}

TEST_CASE("docker history --human=false with a multi-line CREATED BY (heredoc)", "[docker_history]") {
   const auto h = fixture("python-3.12-slim.human-false.txt");
   CHECK(h.errors.empty());
   CHECK(h.columns[1].name == "CREATED AT");
   REQUIRE(h.rows.size() == 13);
   const auto& heredoc = h.rows[1];
   CHECK(heredoc.where.start.line == 3);
   CHECK(heredoc.where.stop.line == 6);
   CHECK(heredoc.created_by.text ==
         "RUN /bin/sh -c cat <<EOF > /etc/pip.conf\n[global]\nindex-url = https://pypi.example.com/simple\nEOF # "
         "buildkit");
   CHECK(heredoc.instruction.buildkit);
   CHECK(heredoc.instruction.body->text.starts_with("cat <<EOF"));
   CHECK(heredoc.size->bytes == 63U);
   CHECK(heredoc.comment.text == "buildkit.dockerfile.v0");
   REQUIRE(heredoc.created_at);
   CHECK(heredoc.created_at->time->epoch == 1718244641);
   CHECK_FALSE(heredoc.created);
   // the rows after it are aligned differently; they are read by content
   const auto& next = h.rows[2];
   CHECK(next.where.start.line == 7);
   CHECK(next.size->bytes == 36U);
   CHECK(next.instruction.body->text.starts_with("set -eux;  for src in"));
   CHECK(h.rows.back().size->bytes == 74781362U);
   CHECK(h.rows.back().instruction.keyword == "ADD");
}

TEST_CASE("Windows: the SHELL row sets the prefix of the newer rows", "[docker_history]") {
   const auto h = fixture("python-windowsservercore-1809.no-trunc.txt");
   CHECK(h.errors.empty());
   REQUIRE(h.rows.size() == 6);
   CHECK(h.rows[3].instruction.keyword == "SHELL");
   CHECK(h.rows[3].instruction.prefix.shell == history_shell::windows_cmd);
   CHECK(h.rows[2].instruction.keyword == "ENV");
   CHECK(h.rows[2].instruction.prefix.shell == history_shell::image_shell);
   CHECK(h.rows[1].instruction.prefix.kind == history_prefix_kind::shell);
   CHECK(h.rows[1].instruction.body->text.starts_with("$url = ('https://www.example.org/"));
   CHECK(h.rows[0].instruction.keyword == "CMD");
   CHECK(h.rows[5].instruction.prefix.kind == history_prefix_kind::implicit_run);
   CHECK(h.rows[5].instruction.body->text == "Apply image 10.0.17763.1");
   CHECK(h.rows[5].created->age_seconds == 5 * 365 * 86400);
   CHECK(h.rows[4].size->approx_bytes == Approx(1.98e9));
}

TEST_CASE("default output: truncated CREATED BY, code point columns, multi-word comment", "[docker_history]") {
   const auto h = fixture("truncated-utf8.txt");
   CHECK(h.errors.empty());
   REQUIRE(h.rows.size() == 4);
   CHECK(h.rows[0].image.text == "a1675fc29cc8");
   CHECK(h.rows[1].truncated);
   CHECK(h.rows[1].created_by.text == "RUN /bin/sh -c set -eux;  for src in idle3 p\xE2\x80\xA6");
   CHECK(h.rows[1].size->bytes == 36U);
   CHECK(h.rows[1].size->where.start == position{3, 100});  // columns count code points: `…` and `é` are one each
   CHECK(h.rows[2].instruction.pairs.at(0).value == "Jos\xC3\xA9 Example <jose@example.com>");
   CHECK(h.rows[2].comment.text.empty());
   CHECK(h.rows[3].comment.text == "Imported from -");
   CHECK_FALSE(h.rows[0].truncated);
}

TEST_CASE("docker history --format '{{json .}}' lines", "[docker_history]") {
   const auto h = fixture("python-3.12-slim.json-lines.txt");
   CHECK(h.errors.empty());
   CHECK(h.format == docker_history_format::json_lines);
   REQUIRE(h.rows.size() == 6);
   CHECK(h.rows[0].instruction.keyword == "CMD");
   CHECK(h.rows[0].created->age_seconds == 14 * 86400);
   CHECK(h.rows[0].created_at->time->epoch == 1718244641);
   CHECK(h.rows[2].size->text == "41.2MB");
   const auto body = h.rows[2].instruction.body->where;
   CHECK(at_file(h, h.rows[2], {body.begin, body.begin + 8}) == "set -eux");
   CHECK(h.rows[5].instruction.source->kind == "file");

   // escapes: the map points into the JSON text
   const std::string line =
       R"({"Comment":"","CreatedAt":"2024-06-13T02:10:41Z","CreatedBy":"/bin/sh -c a \u0026\u0026 b","CreatedSince":"2 weeks ago","ID":"<missing>","Size":"1.2kB"})";
   const auto j = parse_docker_history("j.txt", line + "\n");
   REQUIRE(j.rows.size() == 1);
   CHECK(j.rows[0].created_by.text == "/bin/sh -c a && b");
   const auto b = j.rows[0].instruction.body->where;
   CHECK(j.rows[0].created_by_map.to_file(b.begin) == line.find("a \\u0026"));
   CHECK(j.rows[0].created_by_map.to_file(b.begin + 2) == line.find("\\u0026"));
   CHECK(j.rows[0].size->approx_bytes == Approx(1200));
}

TEST_CASE("bad lines become errors with positions; the other rows are kept", "[docker_history]") {
   const std::string text =
       "IMAGE          CREATED       CREATED BY                          SIZE      COMMENT\n"
       "<missing>      2 weeks ago   /bin/sh -c #(nop)  CMD [\"bash\"]     0B        \n"
       "this is not a row\n"
       "{\"ID\": 1}\n"
       "<missing>      2 weeks ago   /bin/sh -c #(nop) ADD file:ab in /   74.8MB    \n";
   const auto h = parse_docker_history("h.txt", text);
   REQUIRE(h.errors.size() == 2);
   CHECK(h.errors[0].where.start == position{3, 1});
   CHECK(h.errors[0].message.find("not a docker history row") != std::string::npos);
   CHECK(h.errors[1].where.start == position{4, 1});
   REQUIRE(h.rows.size() == 2);
   CHECK(h.rows[1].instruction.keyword == "ADD");

   // a CREATED BY that never ends
   const auto open = parse_docker_history("o.txt",
                                          "IMAGE       CREATED       CREATED BY   SIZE   COMMENT\n"
                                          "<missing>   2 weeks ago   RUN /bin/sh -c cat <<EOF\nline\n");
   REQUIRE(open.errors.size() == 1);
   CHECK(open.errors[0].where.start == position{2, 1});
   REQUIRE(open.rows.size() == 1);
   CHECK(open.rows[0].created_by.text == "RUN /bin/sh -c cat <<EOF\nline\n");
   CHECK_FALSE(open.rows[0].size);

   const auto none = parse_docker_history("n.txt", "FROM alpine\nRUN true\n");
   REQUIRE(none.errors.size() == 1);
   CHECK(none.format == docker_history_format::unknown);
   CHECK(none.errors[0].where.start == position{1, 1});
   CHECK(parse_docker_history("e.txt", "").errors.size() == 1);
   // JSON rows: invalid JSON at its column, keep going
   const auto bad_json =
       parse_docker_history("b.txt", "{\"ID\":\"<missing>\",\"CreatedBy\":\"ENV A=b\"}\n{\"ID\": tru}\n");
   REQUIRE(bad_json.errors.size() == 1);
   CHECK(bad_json.errors[0].where.start.line == 2);
   CHECK(bad_json.errors[0].where.start.column > 1);
   CHECK(bad_json.rows.size() == 1);
}

TEST_CASE("sizes and ages as docker prints them", "[docker_history]") {
   using strata::parse::read_history_age;
   using strata::parse::read_history_size;
   CHECK(read_history_size("0B").bytes == 0U);
   CHECK(read_history_size("233B").bytes == 233U);
   CHECK(read_history_size("1.2kB").approx_bytes == Approx(1200));
   CHECK_FALSE(read_history_size("1.2kB").bytes);
   CHECK(read_history_size("77.8MB").approx_bytes == Approx(77.8e6));
   CHECK(read_history_size("1e+03kB").approx_bytes == Approx(1e6));
   CHECK(read_history_size("77.81 MB").valid);
   CHECK(read_history_size("5451080048").bytes == 5451080048U);
   for (const char* bad : {"", "12XB", "MB", "1.2.3MB", "-1B", "99999999999999999999999"}) {
      CAPTURE(bad);
      CHECK_FALSE(read_history_size(bad).valid);
   }
   CHECK(read_history_age("Less than a second ago").age_seconds == 0);
   CHECK(read_history_age("About a minute ago").age_seconds == 60);
   CHECK(read_history_age("About an hour ago").age_seconds == 3600);
   CHECK(read_history_age("47 hours ago").age_seconds == 47 * 3600);
   CHECK(read_history_age("3 months ago").age_seconds == 90 * 86400);
   CHECK(read_history_age("1 second ago").age_seconds == 1);
   const auto at = read_history_age("2024-06-13T04:10:41+02:00");
   REQUIRE(at.time);
   CHECK(at.time->epoch == 1718244641);
   CHECK_FALSE(at.age_seconds);
   CHECK_FALSE(read_history_age("yesterday").age_seconds);
   CHECK_FALSE(read_history_age("yesterday").time);
}

TEST_CASE("docker history sniffing", "[docker_history]") {
   using strata::parse::looks_like_docker_history;
   for (const char* name :
        {"python-3.12-slim.no-trunc.txt", "python-3.12-slim.human-false.txt", "python-3.12-slim.json-lines.txt",
         "truncated-utf8.txt", "python-windowsservercore-1809.no-trunc.txt"}) {
      CAPTURE(name);
      CHECK(looks_like_docker_history(
          strata::test::read(strata::test::source_path(std::string("tests/fixtures/docker-history/") + name))));
   }
   CHECK_FALSE(looks_like_docker_history("FROM alpine\n"));
   CHECK_FALSE(looks_like_docker_history("## `python:3`\n"));
   CHECK_FALSE(looks_like_docker_history("{\"architecture\":\"amd64\",\"history\":[]}"));
   CHECK_FALSE(looks_like_docker_history("IMAGE ID   REPOSITORY\n"));
   CHECK_FALSE(looks_like_docker_history(""));
}

TEST_CASE("docker history: arbitrary bytes never throw; to_json", "[docker_history][robust]") {
   const std::string base =
       strata::test::read(strata::test::source_path("tests/fixtures/docker-history/truncated-utf8.txt"));
   std::mt19937 rng(7);
   for (int i = 0; i < 500; ++i) {
      std::string text = base;
      for (int k = 0; k < 8; ++k) {
         const std::size_t at = rng() % (text.size() + 1);
         switch (rng() % 3) {
            case 0:
               text.insert(at, 1, static_cast<char>(rng() % 256));
               break;
            case 1:
               if (at < text.size()) text.erase(at, 1 + rng() % 40);
               break;
            default:
               text.insert(at, "  ");
         }
      }
      CAPTURE(i);
      strata::ast::docker_history h;
      REQUIRE_NOTHROW(h = parse_docker_history("r.txt", text));
      REQUIRE_NOTHROW(strata::render::to_json(h).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
   }
   const auto j = strata::render::to_json(fixture("python-3.12-slim.no-trunc.txt"));
   CHECK(j["format"] == "table");
   CHECK(j["order"] == "newest_first");
   CHECK(j["rows"].size() == 12);
   CHECK(j["rows"][0]["size"]["bytes"] == 0);
   CHECK_FALSE(j["rows"][2]["size"].contains("bytes"));
   CHECK(j["rows"][0]["instruction"]["keyword"] == "CMD");
   CHECK(j["rows"][0]["created"]["age_seconds"] == 14 * 86400);
}
