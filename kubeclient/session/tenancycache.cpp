// The tenancy snapshot cache file: one JSON header line naming where it came from, the preview's
// length and checksum and, per kind, its resourceVersion, object count, length and checksum;
// then the preview's bytes, then each kind's objects as one MessagePack array (compact, and
// about five times faster to read back than JSON text).
#include "kubeclient/session/tenancycache.h"

#include "kubeclient/core/atomicfile.h"
#include "kubeclient/core/jsonfields.h"
#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubesphere/names.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <future>

namespace kube::session {

namespace {

using nlohmann::json;
using tenancy::GraphKind;

constexpr const char *kFormat = "tenantry-tenancy-snapshot";
constexpr const char *kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

// FNV-1a 64; `h` carries on from the bytes before (a checksum computed piece by piece).
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 14695981039346656037ull)
{
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// The number of bytes the MessagePack value at `at` takes, nested values included; nullopt when
// it runs past the end, uses the one undefined type byte (0xc1) or nests deeper than any object
// Kubernetes serves (nlohmann's reader, which decodes it next, recurses per level). Iterative.
std::optional<std::size_t> msgpackValueLength(std::string_view bytes, std::size_t at)
{
    constexpr std::size_t kMaxDepth = 256;
    const std::size_t start = at;
    std::vector<std::uint64_t> pending{1};  // per open level, the values still to skip
    auto big = [&](std::size_t n) -> std::optional<std::uint64_t> {  // a big-endian length after the type byte
        if (bytes.size() - at < n)
            return std::nullopt;
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        at += n;
        return v;
    };
    while (!pending.empty()) {
        if (pending.back() == 0) {
            pending.pop_back();
            continue;
        }
        --pending.back();
        if (at >= bytes.size())
            return std::nullopt;
        const auto type = static_cast<unsigned char>(bytes[at++]);
        std::uint64_t skip = 0;      // payload bytes after the type byte and its length
        std::uint64_t children = 0;  // values that follow as this one's items
        if (type <= 0x7f || type >= 0xe0 || (type >= 0xc0 && type <= 0xc3 && type != 0xc1)) {
            // positive and negative fixint, nil, false, true
        } else if (type <= 0x8f) {
            children = 2ull * (type & 0x0f);
        } else if (type <= 0x9f) {
            children = type & 0x0f;
        } else if (type <= 0xbf) {
            skip = type & 0x1f;
        } else {
            std::optional<std::uint64_t> n;
            switch (type) {
            case 0xc4: case 0xd9: n = big(1); skip = n.value_or(0); break;      // bin 8, str 8
            case 0xc5: case 0xda: n = big(2); skip = n.value_or(0); break;      // bin 16, str 16
            case 0xc6: case 0xdb: n = big(4); skip = n.value_or(0); break;      // bin 32, str 32
            case 0xc7: n = big(1); skip = n.value_or(0) + 1; break;             // ext 8 (+ type)
            case 0xc8: n = big(2); skip = n.value_or(0) + 1; break;             // ext 16
            case 0xc9: n = big(4); skip = n.value_or(0) + 1; break;             // ext 32
            case 0xca: case 0xce: case 0xd2: n = 0; skip = 4; break;            // float 32, (u)int 32
            case 0xcb: case 0xcf: case 0xd3: n = 0; skip = 8; break;            // float 64, (u)int 64
            case 0xcc: case 0xd0: n = 0; skip = 1; break;                       // (u)int 8
            case 0xcd: case 0xd1: n = 0; skip = 2; break;                       // (u)int 16
            case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8:             // fixext 1..16 (+ type)
                n = 0;
                skip = 1 + (1ull << (type - 0xd4));
                break;
            case 0xdc: n = big(2); children = n.value_or(0); break;             // array 16
            case 0xdd: n = big(4); children = n.value_or(0); break;             // array 32
            case 0xde: n = big(2); children = 2 * n.value_or(0); break;         // map 16
            case 0xdf: n = big(4); children = 2 * n.value_or(0); break;         // map 32
            default: return std::nullopt;                                        // 0xc1
            }
            if (!n)
                return std::nullopt;
        }
        if (skip > bytes.size() - at)
            return std::nullopt;
        at += static_cast<std::size_t>(skip);
        if (children > 0) {
            // Every value takes at least a byte: more items than bytes left is a lie.
            if (children > bytes.size() - at || pending.size() >= kMaxDepth)
                return std::nullopt;
            pending.push_back(children);
        }
    }
    return at - start;
}

std::string hex(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

const char *flavorName(tenancy::ApiFlavor flavor)
{
    switch (flavor) {
    case tenancy::ApiFlavor::V4: return "v4";
    case tenancy::ApiFlavor::V3: return "v3";
    case tenancy::ApiFlavor::None: return "none";
    }
    return "none";
}

std::optional<tenancy::ApiFlavor> flavorFrom(const std::string &name)
{
    if (name == "v4")
        return tenancy::ApiFlavor::V4;
    if (name == "v3")
        return tenancy::ApiFlavor::V3;
    if (name == "none")
        return tenancy::ApiFlavor::None;
    return std::nullopt;
}

std::optional<GraphKind> kindFrom(const std::string &name)
{
    for (std::size_t i = 0; i < tenancy::kGraphKindCount; ++i)
        if (name == tenancy::toString(static_cast<GraphKind>(i)))
            return static_cast<GraphKind>(i);
    return std::nullopt;
}

Error refused(const std::string &path, const std::string &why)
{
    return Error::make(ErrorKind::Config, "the tenancy cache is not used: " + why, path,
                       "it is discarded; the tenancy is listed from the cluster");
}

} // namespace

std::size_t TenancyCache::objectCount() const
{
    std::size_t n = 0;
    for (const auto &k : kinds)
        n += k.objects.size();
    return n;
}

std::string defaultTenancyCacheRoot()
{
    const char *xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/')
        return std::string(xdg) + "/tenantry/tenancy";
    const char *home = std::getenv("HOME");
    return std::string(home && *home ? home : "/tmp") + "/.cache/tenantry/tenancy";
}

std::string tenancyCachePath(const std::string &root, const std::string &server, const std::string &user,
                             const std::string &context)
{
    // The server, the user entry and the context together: two users of one cluster see
    // different tenancies (reach), and the file name says nothing about either.
    return root + "/" + tenancy::fnv64a(server + '\n' + user + '\n' + context) + ".snapshot";
}

Result<TenancyCacheKey> tenancyCacheKey(const std::string &root, const std::string &kubeconfig,
                                        const std::string &context)
{
    auto config = Kubeconfig::loadFromEnvironment(kubeconfig);
    if (!config)
        return config.error();
    auto resolved = config->resolve(context);
    if (!resolved)
        return resolved.error();
    TenancyCacheKey key;
    key.server = resolved->cluster.server;
    key.user = resolved->userName;
    key.context = resolved->contextName;
    key.path = tenancyCachePath(root, key.server, key.user, key.context);
    return key;
}

json cacheableObject(json copy, GraphKind kind)
{
    if (!copy.is_object())
        return copy;
    if (kind == GraphKind::User) {
        // A bcrypt hash, or the plain text before KubeSphere's controller ran: never on disk.
        if (auto spec = copy.find("spec"); spec != copy.end() && spec->is_object())
            spec->erase("password");
    }
    if (auto md = copy.find("metadata"); md != copy.end() && md->is_object()) {
        md->erase("managedFields");
        if (auto ann = md->find("annotations"); ann != md->end() && ann->is_object()) {
            const std::string applied = stringField(*ann, kLastApplied);
            if (applied.find("assword") != std::string::npos)
                ann->erase(kLastApplied);
        }
    }
    return copy;
}

Result<void> writeTenancyCache(const std::string &path, const TenancyCache &cache)
{
    json header = {{"format", kFormat},
                   {"version", TenancyCache::kFormatVersion},
                   {"server", cache.server},
                   {"user", cache.user},
                   {"identity", cache.identity},
                   {"flavor", flavorName(cache.flavor)},
                   {"written", cache.writtenAt ? cache.writtenAt : nowSeconds()},
                   {"preview", {{"length", cache.preview.size()}, {"fnv", hex(fnv1a(cache.preview))}}},
                   {"kinds", json::array()}};
    // Each kind packed object by object into 1 MiB chunks, written after the header that names
    // their lengths and checksums: the file's bytes exist once while it is written, never a
    // buffer grown by doubling (appending to one payload took two to three times the file:
    // about 450 MB for the 150 MB file of 10×).
    constexpr std::size_t kChunkBytes = 1 << 20;
    std::vector<std::vector<std::uint8_t>> chunks;
    auto append = [&](const std::uint8_t *data, std::size_t size) {
        while (size > 0) {
            if (chunks.empty() || chunks.back().size() == kChunkBytes)
                chunks.emplace_back().reserve(kChunkBytes);
            std::vector<std::uint8_t> &chunk = chunks.back();
            const std::size_t n = std::min(size, kChunkBytes - chunk.size());
            chunk.insert(chunk.end(), data, data + n);
            data += n;
            size -= n;
        }
    };
    std::size_t offset = cache.preview.size();
    std::vector<std::uint8_t> packed;  // one object at a time
    for (const auto &k : cache.kinds) {
        // A MessagePack array of each object packed on its own: one object's nlohmann copy at a
        // time, never the whole kind's (200,000 bindings at 10× would be about 600 MB of trees).
        // The array's header is the one nlohmann writes (fixarray, array 16, array 32), so the
        // file is byte for byte what packing the whole array gave.
        std::size_t count = 0;
        for (const auto &o : k.objects)
            count += o ? 1 : 0;
        if (count <= 15)
            packed = {std::uint8_t(0x90 | count)};
        else if (count <= 0xffff)
            packed = {0xdc, std::uint8_t(count >> 8), std::uint8_t(count)};
        else
            packed = {0xdd, std::uint8_t(count >> 24), std::uint8_t(count >> 16), std::uint8_t(count >> 8), std::uint8_t(count)};
        std::uint64_t fnv = fnv1a({});
        std::size_t length = 0;
        auto take = [&] {
            fnv = fnv1a(std::string_view(reinterpret_cast<const char *>(packed.data()), packed.size()), fnv);
            length += packed.size();
            append(packed.data(), packed.size());
            packed.clear();
        };
        take();
        for (const auto &o : k.objects) {
            if (!o)
                continue;
            json::to_msgpack(cacheableObject(o->toJson(), k.kind), packed);
            take();
        }
        header["kinds"].push_back({{"kind", tenancy::toString(k.kind)},
                                   {"resourceVersion", k.resourceVersion},
                                   {"count", count},
                                   {"offset", offset},
                                   {"length", length},
                                   {"fnv", hex(fnv)}});
        offset += length;
    }
    AtomicWriteOptions options;
    options.createDirectories = true;
    options.errorKind = ErrorKind::Config;
    options.what = "the tenancy cache";
    auto file = AtomicFile::create(path, options);
    if (!file)
        return file.error();
    if (auto r = file->write(header.dump() + '\n'); !r)
        return r;
    if (auto r = file->write(cache.preview); !r)
        return r;
    for (auto &chunk : chunks) {
        if (auto r = file->write(std::string_view(reinterpret_cast<const char *>(chunk.data()), chunk.size())); !r)
            return r;
        std::vector<std::uint8_t>().swap(chunk);
    }
    return file->commit();
}

Result<std::optional<TenancyCache>> readTenancyCache(const std::string &path, const TenancyCacheCheck &check,
                                                     TenancyCacheRead what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::optional<TenancyCache>();
    std::string line;
    if (!std::getline(in, line))
        return refused(path, "the file is empty");
    json header = json::parse(line, nullptr, false);
    if (header.is_discarded() || !header.is_object())
        return refused(path, "its first line is not a JSON header");
    if (stringField(header, "format") != kFormat)
        return refused(path, "it is not a Tenantry tenancy snapshot");
    const auto version = header.find("version");
    if (version == header.end() || !version->is_number_integer() || version->get<int>() != TenancyCache::kFormatVersion)
        return refused(path, "it was written in another format version");

    TenancyCache cache;
    cache.server = stringField(header, "server");
    cache.user = stringField(header, "user");
    cache.identity = stringField(header, "identity");
    const auto flavor = flavorFrom(stringField(header, "flavor"));
    if (!flavor)
        return refused(path, "its API flavour is unknown");
    cache.flavor = *flavor;
    const auto written = header.find("written");
    if (written == header.end() || !written->is_number_integer())
        return refused(path, "it does not say when it was written");
    cache.writtenAt = written->get<std::int64_t>();
    if (cache.server != check.server || cache.user != check.user)
        return refused(path, "it was written for " + cache.user + " on " + cache.server);
    const std::int64_t now = check.now ? check.now : nowSeconds();
    if (check.maxAgeSeconds > 0 && now - cache.writtenAt > check.maxAgeSeconds)
        return refused(path, "it is older than " + std::to_string(check.maxAgeSeconds / 3600) + " h");

    const auto preview = header.find("preview");
    if (preview == header.end() || !preview->is_object())
        return refused(path, "its header has no preview entry");
    const auto previewLength = preview->find("length");
    if (previewLength == preview->end() || !previewLength->is_number_unsigned())
        return refused(path, "its header has no preview length");
    in.clear();  // a header line without its newline hit the end: the rest is empty, not unreadable
    const std::streamoff start = in.tellg();
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    if (start < 0 || end < start)
        return refused(path, "it cannot be read to its end");
    const auto available = static_cast<std::size_t>(end - start);
    const std::size_t previewSize = previewLength->get<std::size_t>();
    if (previewSize > available)
        return refused(path, "it is truncated (preview)");
    std::string payload(available, '\0');
    in.seekg(start);
    if (!in.read(payload.data(), static_cast<std::streamsize>(payload.size())))
        return refused(path, "it cannot be read to its end");
    const std::string_view previewBytes(payload.data(), previewSize);
    if (hex(fnv1a(previewBytes)) != stringField(*preview, "fnv"))
        return refused(path, "the checksum of its preview does not match");
    cache.preview = std::string(previewBytes);

    const auto kinds = header.find("kinds");
    if (kinds == header.end() || !kinds->is_array())
        return refused(path, "its header lists no kinds");
    std::size_t expectedEnd = previewSize;
    // First every entry and checksum (cheap), then the objects, each kind on a thread of its
    // own: decoding is most of a read, and the kinds do not depend on each other.
    struct Entry {
        GraphKind kind;
        std::string resourceVersion;
        std::string_view bytes;
        std::size_t count = 0;
    };
    std::vector<Entry> entries;
    for (const auto &k : *kinds) {
        if (!k.is_object())
            return refused(path, "a kind entry is not an object");
        const auto kind = kindFrom(stringField(k, "kind"));
        if (!kind)
            return refused(path, "it names an unknown kind \"" + stringField(k, "kind") + "\"");
        const auto offset = k.find("offset"), length = k.find("length"), count = k.find("count");
        if (offset == k.end() || length == k.end() || count == k.end() || !offset->is_number_unsigned()
            || !length->is_number_unsigned() || !count->is_number_unsigned())
            return refused(path, std::string("the entry of ") + tenancy::toString(*kind) + " has no offset, length or count");
        const std::size_t from = offset->get<std::size_t>(), size = length->get<std::size_t>();
        if (from != expectedEnd || size > payload.size() || from > payload.size() - size)
            return refused(path, std::string("it is truncated (") + tenancy::toString(*kind) + ")");
        expectedEnd = from + size;
        const std::string_view bytes(payload.data() + from, size);
        if (hex(fnv1a(bytes)) != stringField(k, "fnv"))
            return refused(path, std::string("the checksum of ") + tenancy::toString(*kind) + " does not match");
        entries.push_back({*kind, stringField(k, "resourceVersion"), bytes, count->get<std::size_t>()});
    }
    if (expectedEnd != payload.size())
        return refused(path, "it has bytes after the last kind");
    if (what == TenancyCacheRead::PreviewOnly)
        return std::optional<TenancyCache>(std::move(cache));

    auto decode = [](const Entry &e) -> std::pair<CachedKind, std::string> {
        CachedKind ck;
        ck.kind = e.kind;
        ck.resourceVersion = e.resourceVersion;
        const auto unreadable = [&] {
            return std::pair{std::move(ck), std::string("the objects of ") + tenancy::toString(e.kind) + " cannot be read"};
        };
        // The array's header, then one object at a time: only one object's nlohmann tree exists
        // at once (a whole kind's was about 600 MB at 10×, for a moment, on the reading thread).
        std::size_t at = 0;
        std::uint64_t count = 0;
        const auto byte = [&](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(e.bytes[i])); };
        if (e.bytes.empty())
            return unreadable();
        if ((byte(0) & 0xf0) == 0x90) {
            count = byte(0) & 0x0f;
            at = 1;
        } else if (byte(0) == 0xdc && e.bytes.size() >= 3) {
            count = byte(1) << 8 | byte(2);
            at = 3;
        } else if (byte(0) == 0xdd && e.bytes.size() >= 5) {
            count = byte(1) << 24 | byte(2) << 16 | byte(3) << 8 | byte(4);
            at = 5;
        } else {
            return unreadable();
        }
        if (count != e.count || count > e.bytes.size() - at)
            return unreadable();
        ck.objects.reserve(static_cast<std::size_t>(count));
        for (std::uint64_t i = 0; i < count; ++i) {
            const auto length = msgpackValueLength(e.bytes, at);
            if (!length)
                return unreadable();
            const json item = json::from_msgpack(e.bytes.begin() + static_cast<std::ptrdiff_t>(at),
                                                 e.bytes.begin() + static_cast<std::ptrdiff_t>(at + *length), true, false);
            at += *length;
            if (item.is_discarded())
                return unreadable();
            const auto md = item.is_object() ? item.find("metadata") : item.end();
            if (md == item.end() || !md->is_object() || stringField(*md, "name").empty())
                return {std::move(ck), std::string("an object of ") + tenancy::toString(e.kind) + " has no name"};
            ck.objects.push_back(freeze(item));
        }
        if (at != e.bytes.size())
            return unreadable();
        return {std::move(ck), std::string()};
    };
    constexpr std::size_t kOwnThreadBytes = 64 * 1024;
    std::vector<std::future<std::pair<CachedKind, std::string>>> running;
    for (const auto &e : entries)
        running.push_back(std::async(e.bytes.size() >= kOwnThreadBytes ? std::launch::async : std::launch::deferred, decode,
                                     std::cref(e)));
    std::string firstProblem;
    for (auto &r : running) {
        auto [kind, problem] = r.get();
        if (!problem.empty() && firstProblem.empty())
            firstProblem = std::move(problem);
        cache.kinds.push_back(std::move(kind));
    }
    if (!firstProblem.empty())
        return refused(path, firstProblem);
    return std::optional<TenancyCache>(std::move(cache));
}

} // namespace kube::session
