#include "parse/values.hpp"

#include <array>
#include <cstdio>

#include <fmt/format.h>

namespace strata::parse {

namespace {
constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> days = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
   y -= m <= 2 ? 1 : 0;
   const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
   const auto yoe = static_cast<unsigned>(y - era * 400);
   const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
   const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
   return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool read_number(std::string_view s, std::size_t pos, std::size_t len, unsigned& out) {
   if (pos + len > s.size()) {
      return false;
   }
   out = 0;
   for (std::size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') {
         return false;
      }
      out = out * 10 + static_cast<unsigned>(s[i] - '0');
   }
   return true;
}
}  // namespace

std::optional<std::int64_t> parse_rfc1123(std::string_view t) {
   // "Wed, 16 Oct 2019 23:25:59 GMT"
   if (t.size() != 29 || t.substr(3, 2) != ", " || t[7] != ' ' || t[11] != ' ' || t[16] != ' ' || t[19] != ':' ||
       t[22] != ':' || t.substr(25) != " GMT") {
      return std::nullopt;
   }
   unsigned day = 0, year = 0, hour = 0, minute = 0, second = 0;
   if (!read_number(t, 5, 2, day) || !read_number(t, 12, 4, year) || !read_number(t, 17, 2, hour) ||
       !read_number(t, 20, 2, minute) || !read_number(t, 23, 2, second)) {
      return std::nullopt;
   }
   unsigned month = 0;
   for (unsigned i = 0; i < months.size(); ++i) {
      if (t.substr(8, 3) == months[i]) {
         month = i + 1;
      }
   }
   if (month == 0 || day == 0 || day > 31 || hour > 23 || minute > 59 || second > 60) {
      return std::nullopt;
   }
   return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

namespace {
struct civil_time {
   std::int64_t year;
   unsigned month, day, weekday;  // weekday: index into `days`
   std::int64_t seconds;          // of the day
};
civil_time civil_from_epoch(std::int64_t epoch) {
   const std::int64_t days_since = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
   const std::int64_t secs = epoch - days_since * 86400;
   const std::int64_t z = days_since + 719468;
   const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
   const auto doe = static_cast<unsigned>(z - era * 146097);
   const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
   const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
   const unsigned mp = (5 * doy + 2) / 153;
   const unsigned d = doy - (153 * mp + 2) / 5 + 1;
   const unsigned m = mp < 10 ? mp + 3 : mp - 9;
   const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
   return {y, m, d, static_cast<unsigned>(((days_since % 7) + 7) % 7), secs};
}
}  // namespace

std::string format_rfc1123(std::int64_t epoch) {
   const auto t = civil_from_epoch(epoch);
   return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", days[t.weekday], t.day, months[t.month - 1], t.year,
                      t.seconds / 3600, (t.seconds / 60) % 60, t.seconds % 60);
}

std::string format_rfc3339(std::int64_t epoch) {
   const auto t = civil_from_epoch(epoch);
   return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.seconds / 3600,
                      (t.seconds / 60) % 60, t.seconds % 60);
}

std::optional<std::uint64_t> parse_size_bytes(std::string_view text) {
   const auto open = text.find(" (");
   std::string_view digits;
   if (open != std::string_view::npos) {
      if (!text.ends_with(" bytes)")) {
         return std::nullopt;
      }
      digits = text.substr(open + 2, text.size() - open - 2 - 7);
   } else {
      if (!text.ends_with(" B")) {
         return std::nullopt;
      }
      digits = text.substr(0, text.find('.'));
   }
   if (digits.empty() || digits.size() > 19) {
      return std::nullopt;
   }
   std::uint64_t value = 0;
   for (char c : digits) {
      if (c < '0' || c > '9') {
         return std::nullopt;
      }
      value = value * 10 + static_cast<std::uint64_t>(c - '0');
   }
   return value;
}

std::string format_size(std::uint64_t bytes) {
   static constexpr std::array<std::string_view, 5> units = {"B", "KB", "MB", "GB", "TB"};
   std::size_t unit = 0;
   double scale = 1;  // Perl computes in doubles (NV): so does this
   // Perl: while (int($bytes / 1000**$unit) > 1000) { last unless $units[$unit+1]; ++$unit }
   while (static_cast<double>(bytes) / scale >= 1001.0 && unit + 1 < units.size()) {
      ++unit;
      scale *= 1000;
   }
   std::string text = fmt::format("{:.1f} {}", static_cast<double>(bytes) / scale, units[unit]);
   if (unit != 0) {
      text += fmt::format(" ({} bytes)", bytes);
   }
   return text;
}

}  // namespace strata::parse
