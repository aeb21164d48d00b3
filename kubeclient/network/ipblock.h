// IPv4 / IPv6 addresses and CIDR blocks for NetworkPolicy ipBlock peers: "cidr minus except".
#pragma once

#include "kubeclient/core/result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kube::net {

struct IpAddress {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};  // v4 uses the first 4

    static std::optional<IpAddress> parse(const std::string &text);
};

struct Cidr {
    IpAddress base;  // host bits cleared
    int prefix = 0;

    // "10.0.0.0/8", "fd00::/64"; `field` names it in errors.
    static Result<Cidr> parse(const std::string &text, const std::string &field);
    bool contains(const IpAddress &ip) const;
    bool contains(const Cidr &inner) const;  // inner lies within this block
    std::string toString() const;
};

struct IpBlock {
    Cidr cidr;
    std::vector<Cidr> except;

    bool contains(const IpAddress &ip) const;
    std::string toString() const;  // "10.0.0.0/8 except 10.1.0.0/16"
};

} // namespace kube::net
