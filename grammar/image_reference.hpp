// PEGTL grammar of an image reference as Docker's distribution/reference package
// accepts it (reference.go's grammar comment; BuildKit validates FROM with
// reference.ParseNormalizedNamed):
//
//   reference        := name [ ":" tag ] [ "@" digest ]
//   name             := [domain '/'] remote-name
//   domain           := host [':' port-number]
//   host             := domain-name | IPv4address | \[ IPv6address \]
//   domain-name      := domain-component ['.' domain-component]*
//   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
//   remote-name      := path-component ['/' path-component]*
//   path-component   := alpha-numeric [separator alpha-numeric]*
//   alpha-numeric    := /[a-z0-9]+/
//   separator        := /[_.]|__|[-]+/
//   tag              := /[\w][\w.-]{0,127}/
//   digest           := algorithm ":" hex   (algorithm: [A-Za-z][A-Za-z0-9]* joined by [+._-]; hex: [0-9a-fA-F]{32,})
//
// Whether the first component is a domain is decided as reference.splitDockerDomain
// does (it contains '.' or ':' or is "localhost", or has upper case), by the caller.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::image_reference {

using namespace tao::pegtl;

struct lower_alnum : ranges< 'a', 'z', '0', '9' > {};
struct separator : sor< two< '_' >, one< '_', '.' >, plus< one< '-' > > > {};
struct path_component : seq< plus< lower_alnum >, star< separator, plus< lower_alnum > > > {};
struct remote_name : list< path_component, one< '/' > > {};

struct domain_component : seq< alnum, star< sor< alnum, seq< plus< one< '-' > >, at< alnum > > > > > {};
struct domain_name : list< domain_component, one< '.' > > {};
struct ipv6 : seq< one< '[' >, plus< sor< xdigit, one< ':', '.' > > >, one< ']' > > {};
struct host : sor< ipv6, domain_name > {};
struct port : plus< digit > {};
struct domain : seq< host, opt< one< ':' >, port > > {};

struct tag_char : sor< alnum, one< '_', '.', '-' > > {};
struct tag : seq< sor< alnum, one< '_' > >, rep_max< 127, tag_char > > {};
struct algorithm_component : seq< alpha, star< alnum > > {};
struct algorithm : list< algorithm_component, one< '+', '.', '_', '-' > > {};
struct digest_hex : seq< rep< 32, xdigit >, star< xdigit > > {};
struct digest : seq< algorithm, one< ':' >, digest_hex > {};

/// A reference whose first component is a registry domain.
struct with_domain : seq< domain, one< '/' >, remote_name, opt< one< ':' >, tag >, opt< one< '@' >, digest >, eof > {};
/// A reference on the default registry.
struct without_domain : seq< remote_name, opt< one< ':' >, tag >, opt< one< '@' >, digest >, eof > {};

}  // namespace strata::grammar::image_reference
// clang-format on
