// CIDR parsing and containment with inet_pton (POSIX), for both address families.
#include "kubeclient/network/ipblock.h"

#include <arpa/inet.h>

#include <cstdlib>

namespace kube::net {

std::optional<IpAddress> IpAddress::parse(const std::string &text)
{
    IpAddress ip;
    if (inet_pton(AF_INET, text.c_str(), ip.bytes.data()) == 1)
        return ip;
    ip.v6 = true;
    if (inet_pton(AF_INET6, text.c_str(), ip.bytes.data()) == 1)
        return ip;
    return std::nullopt;
}

namespace {

bool prefixEqual(const IpAddress &a, const IpAddress &b, int prefix)
{
    for (int bit = 0; bit < prefix; bit += 8) {
        const int n = prefix - bit;
        const std::uint8_t mask = n >= 8 ? 0xff : std::uint8_t(0xff << (8 - n));
        if ((a.bytes[bit / 8] & mask) != (b.bytes[bit / 8] & mask))
            return false;
    }
    return true;
}

} // namespace

Result<Cidr> Cidr::parse(const std::string &text, const std::string &field)
{
    auto bad = [&](const std::string &why) {
        return Error::make(ErrorKind::Invalid, field + ": \"" + text + "\" is not a CIDR (" + why + ")", field);
    };
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        return bad("expected address/prefix such as 10.0.0.0/8 or fd00::/64");
    auto ip = IpAddress::parse(text.substr(0, slash));
    if (!ip)
        return bad("invalid address");
    const std::string bits = text.substr(slash + 1);
    if (bits.empty() || bits.size() > 3 || bits.find_first_not_of("0123456789") != std::string::npos)
        return bad("invalid prefix length");
    const int prefix = std::atoi(bits.c_str());
    if (prefix > (ip->v6 ? 128 : 32))
        return bad("prefix length over " + std::string(ip->v6 ? "128" : "32"));
    Cidr c;
    c.prefix = prefix;
    c.base = *ip;
    // The block's address with host bits cleared, as net.ParseCIDR gives it.
    for (int bit = 0; bit < 128; ++bit)
        if (bit >= prefix)
            c.base.bytes[bit / 8] &= std::uint8_t(~(0x80 >> (bit % 8)));
    return c;
}

bool Cidr::contains(const IpAddress &ip) const
{
    return ip.v6 == base.v6 && prefixEqual(base, ip, prefix);
}

bool Cidr::contains(const Cidr &inner) const
{
    return inner.base.v6 == base.v6 && inner.prefix >= prefix && prefixEqual(base, inner.base, prefix);
}

std::string Cidr::toString() const
{
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(base.v6 ? AF_INET6 : AF_INET, base.bytes.data(), buf, sizeof buf);
    return std::string(buf) + "/" + std::to_string(prefix);
}

bool IpBlock::contains(const IpAddress &ip) const
{
    if (!cidr.contains(ip))
        return false;
    for (const auto &e : except)
        if (e.contains(ip))
            return false;
    return true;
}

std::string IpBlock::toString() const
{
    std::string out = cidr.toString();
    for (std::size_t i = 0; i < except.size(); ++i)
        out += (i ? "," : " except ") + except[i].toString();
    return out;
}

} // namespace kube::net
