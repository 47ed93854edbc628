#include "parse/values.hpp"

#include <array>
#include <cstdio>

#include <fmt/format.h>

namespace strata::parse {

namespace {
constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> days = {"Thu", "Fri", "Sat", "Sun",
                                                  "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday

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

/// Days in a month (1-12) of a proleptic Gregorian year.
unsigned days_in_month(unsigned year, unsigned month) {
   static constexpr std::array<unsigned, 12> month_days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
   const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
   return month == 2 && !leap ? 28 : month_days[month - 1];
}
}  // namespace

std::optional<std::int64_t> parse_rfc1123(std::string_view t) {
   // "Wed, 16 Oct 2019 23:25:59 GMT"
   // byte by byte: a page holds thousands of dates, each read by the grammar, its action and the rendering
   if (t.size() != 29 || t[3] != ',' || t[4] != ' ' || t[7] != ' ' || t[11] != ' ' || t[16] != ' ' || t[19] != ':' ||
       t[22] != ':' || t[25] != ' ' || t[26] != 'G' || t[27] != 'M' || t[28] != 'T') {
      return std::nullopt;
   }
   unsigned day = 0, year = 0, hour = 0, minute = 0, second = 0;
   if (!read_number(t, 5, 2, day) || !read_number(t, 12, 4, year) || !read_number(t, 17, 2, hour) ||
       !read_number(t, 20, 2, minute) || !read_number(t, 23, 2, second)) {
      return std::nullopt;
   }
   unsigned month = 0;
   for (unsigned i = 0; i < months.size() && month == 0; ++i) {
      if (t[8] == months[i][0] && t[9] == months[i][1] && t[10] == months[i][2]) month = i + 1;
   }
   if (month == 0 || day == 0 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60) {
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

bool is_rfc1123_of(std::string_view text, std::int64_t epoch) {
   if (parse_rfc1123(text) != epoch || text.substr(23, 2) == "60") return false;
   const std::int64_t day = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
   return text.substr(0, 3) == days[static_cast<std::size_t>(((day % 7) + 7) % 7)];
}

std::string format_rfc1123(std::int64_t epoch) {
   const auto t = civil_from_epoch(epoch);
   if (t.year < 0 || t.year > 9999) {
      return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", days[t.weekday], t.day, months[t.month - 1],
                         t.year, t.seconds / 3600, (t.seconds / 60) % 60, t.seconds % 60);
   }
   // the common case without fmt: a history document formats one date per history entry and layer
   std::string out = "Www, 00 Mmm 0000 00:00:00 GMT";
   const auto two = [&](std::size_t at, std::int64_t v) {
      out[at] = static_cast<char>('0' + v / 10);
      out[at + 1] = static_cast<char>('0' + v % 10);
   };
   out.replace(0, 3, days[t.weekday]);
   two(5, t.day);
   out.replace(8, 3, months[t.month - 1]);
   two(12, t.year / 100);
   two(14, t.year % 100);
   two(17, t.seconds / 3600);
   two(20, (t.seconds / 60) % 60);
   two(23, t.seconds % 60);
   return out;
}

std::string format_rfc3339(std::int64_t epoch) {
   const auto t = civil_from_epoch(epoch);
   return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.seconds / 3600,
                      (t.seconds / 60) % 60, t.seconds % 60);
}

std::optional<rfc3339_time> read_rfc3339(std::string_view t, const rfc3339_rules& rules) {
   // 2018-01-10T05:21:42[.235423114](Z|+hh:mm)
   const bool separator = t.size() > 10 && (t[10] == 'T' || (rules.lenient_letters && (t[10] == 't' || t[10] == ' ')));
   unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
   if (t.size() < 20 || t[4] != '-' || t[7] != '-' || !separator || t[13] != ':' || t[16] != ':' ||
       !read_number(t, 0, 4, year) || !read_number(t, 5, 2, month) || !read_number(t, 8, 2, day) ||
       !read_number(t, 11, 2, hour) || !read_number(t, 14, 2, minute) || !read_number(t, 17, 2, second)) {
      return std::nullopt;
   }
   if (month < 1 || month > 12 || day < 1 || day > (rules.calendar_days ? days_in_month(year, month) : 31) ||
       hour > 23 || minute > 59 || second > (rules.calendar_days ? 59U : 60U)) {
      return std::nullopt;
   }
   rfc3339_time v;
   std::size_t i = 19;
   if (t[i] == '.') {
      std::size_t digits = 0;
      for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) {
         if (digits < 9) v.nanoseconds = v.nanoseconds * 10 + static_cast<std::uint32_t>(t[i] - '0');
      }
      if (digits == 0 || (digits > 9 && !rules.long_fractions)) return std::nullopt;
      for (; digits < 9; ++digits) v.nanoseconds *= 10;
   }
   const auto zone = t.substr(i);
   if (zone != "Z" && !(rules.lenient_letters && zone == "z")) {
      unsigned oh = 0, om = 0;
      if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || !read_number(zone, 1, 2, oh) ||
          !read_number(zone, 4, 2, om) || oh > 23 || om > 59) {
         return std::nullopt;
      }
      v.utc_offset_minutes = static_cast<std::int32_t>(oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
   }
   v.epoch = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
             static_cast<std::int64_t>(v.utc_offset_minutes) * 60;
   return v;
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

namespace {
std::string format_size_uncached(std::uint64_t bytes) {
   static constexpr std::array<std::string_view, 5> units = {"B", "KB", "MB", "GB", "TB"};
   std::size_t unit = 0;
   double scale = 1;  // Perl computes in doubles (NV): so does this
   // Perl: while (int($bytes / 1000**$unit) > 1000) { last unless $units[$unit+1]; ++$unit }
   while (static_cast<double>(bytes) / scale >= 1001.0 && unit + 1 < units.size()) {
      ++unit;
      scale *= 1000;
   }
   const double value = static_cast<double>(bytes) / scale;
   return unit == 0 ? fmt::format("{:.1f} {}", value, units[unit])
                    : fmt::format("{:.1f} {} ({} bytes)", value, units[unit], bytes);
}
}  // namespace

std::string format_size(std::uint64_t bytes) {
   // Each size of a tag page is formatted twice (the rendering and the check of its text), and
   // fmt's float formatting is most of the cost: the last texts are kept by byte count.
   struct entry {
      std::uint64_t bytes = 0;
      std::string text;
   };
   thread_local std::array<entry, 1024> kept;
   entry& e = kept[bytes % kept.size()];
   if (e.text.empty() || e.bytes != bytes) e = {bytes, format_size_uncached(bytes)};
   return e.text;
}

}  // namespace strata::parse
