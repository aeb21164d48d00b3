// The frozen document's block: the shared_ptr's control block, a header, then every node (a
// container's children side by side, so that iteration is a walk over an array), then the
// strings and the 64-bit numbers. Member names and vocabulary values live in one process-wide
// table, counted per use and freed with their last document.
#include "kubeclient/core/frozenjson.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace kube {

namespace {

struct Header {
    std::uint32_t nodes = 0;
    std::uint32_t reserved = 0;
    std::uint64_t bytes = 0;  // the whole block: the control block's space, this header, nodes, payload
};
static_assert(sizeof(Header) == 16);

const Header *headerOf(const FrozenJson &root)
{
    return reinterpret_cast<const Header *>(reinterpret_cast<const char *>(&root) - sizeof(Header));
}

// The shared_ptr's control block lives at the start of the document's block (32 bytes with
// libstdc++), so a document is one allocation, not two. The allocator hands out that space and
// frees the whole block when the control block goes, after the deleter has released the names.
constexpr std::size_t kControlSpace = 32;

template <typename T>
struct InBlockAllocator {
    using value_type = T;
    char *block = nullptr;

    explicit InBlockAllocator(char *b) : block(b) {}
    template <typename U>
    InBlockAllocator(const InBlockAllocator<U> &other) : block(other.block) {}

    T *allocate(std::size_t n)
    {
        if (n * sizeof(T) <= kControlSpace && alignof(T) <= 16)
            return reinterpret_cast<T *>(block);
        return static_cast<T *>(::operator new(n * sizeof(T)));  // another library's larger block
    }
    void deallocate(T *p, std::size_t)
    {
        if (reinterpret_cast<char *>(p) != block)
            ::operator delete(p);
        delete[] block;
    }
    template <typename U>
    bool operator==(const InBlockAllocator<U> &other) const { return block == other.block; }
};

// --- member names ----------------------------------------------------------------------------

// Ids index fixed chunks that never move, so a reader holding a document (and so a count on
// each of its names) reads a name without a lock while other threads add names.
class KeyTable
{
public:
    static constexpr std::size_t kChunkSize = 4096;
    static constexpr std::size_t kMaxChunks = 16384;  // 64 M names alive at once

    struct Entry {
        std::string text;
        std::atomic<std::uint32_t> refs{0};
        bool live = false;  // under m_mutex
    };

    static KeyTable &instance()
    {
        static KeyTable *table = new KeyTable;  // never destroyed: documents may outlive statics
        return *table;
    }

    const std::string &text(std::uint32_t id) const
    {
        return m_chunks[id / kChunkSize].load(std::memory_order_acquire)[id % kChunkSize].text;
    }

    // One id per name, in order, each counted once more.
    void intern(const std::vector<const std::string *> &names, std::vector<std::uint32_t> &ids)
    {
        ids.resize(names.size());
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string &name = *names[i];
            auto it = m_index.find(std::string_view(name));
            std::uint32_t id;
            if (it != m_index.end()) {
                id = it->second;
            } else {
                id = allocate();
                Entry &e = entry(id);
                e.text = name;
                e.live = true;
                m_index.emplace(std::string_view(e.text), id);
            }
            entry(id).refs.fetch_add(1, std::memory_order_relaxed);
            ids[i] = id;
        }
    }

    // Counts one use of `id` less; returns true when it was the last.
    bool release(std::uint32_t id) { return entry(id).refs.fetch_sub(1, std::memory_order_acq_rel) == 1; }

    // Frees the names whose count reached zero, unless one came back meanwhile.
    void collect(const std::vector<std::uint32_t> &ids)
    {
        std::lock_guard lock(m_mutex);
        for (std::uint32_t id : ids) {
            Entry &e = entry(id);
            if (!e.live || e.refs.load(std::memory_order_acquire) != 0)
                continue;
            m_index.erase(std::string_view(e.text));
            e.live = false;
            std::string().swap(e.text);
            m_free.push_back(id);
        }
    }

    std::size_t size()
    {
        std::lock_guard lock(m_mutex);
        return m_index.size();
    }

private:
    KeyTable() = default;

    Entry &entry(std::uint32_t id) { return m_chunks[id / kChunkSize].load(std::memory_order_acquire)[id % kChunkSize]; }

    std::uint32_t allocate()  // under m_mutex
    {
        if (!m_free.empty()) {
            const std::uint32_t id = m_free.back();
            m_free.pop_back();
            return id;
        }
        const std::size_t id = m_next++;
        const std::size_t chunk = id / kChunkSize;
        if (chunk >= kMaxChunks)
            throw std::length_error("frozen JSON: more than 64 M distinct member names");
        if (!m_chunks[chunk].load(std::memory_order_relaxed))
            m_chunks[chunk].store(new Entry[kChunkSize], std::memory_order_release);
        return std::uint32_t(id);
    }

    std::mutex m_mutex;
    std::unordered_map<std::string_view, std::uint32_t> m_index;
    std::vector<std::uint32_t> m_free;
    std::size_t m_next = 0;
    std::atomic<Entry *> m_chunks[kMaxChunks] = {};
};

const std::string &emptyString()
{
    static const std::string *empty = new std::string;
    return *empty;
}

} // namespace

void releaseFrozenKeys(const FrozenJson *root, std::uint32_t nodes);

// --- building --------------------------------------------------------------------------------

class FrozenBuilder
{
public:
    FrozenPtr build(const nlohmann::json &value)
    {
        measure(value);
        KeyTable::instance().intern(m_names, m_ids);
        const std::uint64_t nodeBytes = std::uint64_t(m_nodeCount) * sizeof(FrozenJson);
        const std::uint64_t total = kControlSpace + sizeof(Header) + nodeBytes + m_byteCount;
        if (total >= std::uint64_t(std::numeric_limits<std::int32_t>::max()) || m_nodeCount >= FrozenJson::kLongLength) {
            releaseIds();
            throw std::length_error("frozen JSON: a document of 2 GiB or more");
        }
        char *block = new char[total];
        std::memset(block, 0, total);
        auto *header = new (block + kControlSpace) Header;
        header->nodes = std::uint32_t(m_nodeCount);
        header->bytes = total;
        m_nodes = reinterpret_cast<FrozenJson *>(block + kControlSpace + sizeof(Header));
        for (std::size_t i = 0; i < m_nodeCount; ++i)
            new (m_nodes + i) FrozenJson;
        m_bytes = block + kControlSpace + sizeof(Header) + nodeBytes;
        m_nextNode = 1;
        m_nextByte = 0;
        m_nextId = 0;
        fill(m_nodes[0], value, nullptr);
        const FrozenJson *root = m_nodes;
        try {
            return FrozenPtr(root, [](const FrozenJson *r) { releaseFrozenKeys(r, headerOf(*r)->nodes); },
                             InBlockAllocator<FrozenJson>(block));
        } catch (...) {
            delete[] block;  // the deleter has released the names
            throw;
        }
    }

private:
    static std::uint64_t stringBytes(std::size_t length)
    {
        return length >= FrozenJson::kLongLength ? length + sizeof(std::uint64_t) : length;
    }

    // Values the same in thousands of objects, kept once in the names' table: the vocabulary
    // ("rbac.authorization.k8s.io", "User", "iam.kubesphere.io/v1beta1"), namespaces (every
    // object of a namespace names it), and names other objects refer to: a roleRef's and a
    // subject's name, the values of KubeSphere's reference labels (kubesphere.io/workspace,
    // iam.kubesphere.io/user-ref...). `container` is the member the value's object sits in
    // (through arrays: a subject's is "subjects"), null at the top.
    static bool sharedValue(const std::string *container, const std::string &key, const nlohmann::json &value)
    {
        if (!value.is_string() || value.get_ref<const std::string &>().size() > 64)
            return false;
        if (key == "apiVersion" || key == "kind" || key == "apiGroup" || key == "namespace")
            return true;
        if (!container)
            return false;
        if (*container == "roleRef" || *container == "subjects")
            return key == "name";
        if (*container == "labels")
            return key.starts_with("kubesphere.io/") || key.starts_with("iam.kubesphere.io/")
                || key.starts_with("tenant.kubesphere.io/");
        return false;
    }

    static bool inInt32(std::int64_t v) { return v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max(); }

    // Counts nodes and payload bytes, and lists member names in the order fill() meets them.
    void measure(const nlohmann::json &root)
    {
        m_nodeCount = 1;
        measureBelow(root, nullptr);
    }

    void measureBelow(const nlohmann::json &j, const std::string *container)
    {
        switch (j.type()) {
        case nlohmann::json::value_t::object:
            m_nodeCount += j.size();
            for (auto it = j.begin(); it != j.end(); ++it) {
                m_names.push_back(&it.key());
                if (sharedValue(container, it.key(), it.value()))
                    m_names.push_back(&it.value().get_ref<const std::string &>());
                else
                    measureBelow(it.value(), &it.key());
            }
            break;
        case nlohmann::json::value_t::array:
            m_nodeCount += j.size();
            for (const auto &v : j)
                measureBelow(v, container);
            break;
        case nlohmann::json::value_t::string:
            m_byteCount += stringBytes(j.get_ref<const std::string &>().size());
            break;
        case nlohmann::json::value_t::number_integer:
            if (!inInt32(j.get<std::int64_t>()))
                m_byteCount += 8;
            break;
        case nlohmann::json::value_t::number_unsigned:
            if (j.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int32_t>::max()))
                m_byteCount += 8;
            break;
        case nlohmann::json::value_t::number_float: m_byteCount += 8; break;
        default: break;
        }
    }

    std::int32_t offsetTo(const FrozenJson &node, const void *target)
    {
        return std::int32_t(reinterpret_cast<const char *>(target) - reinterpret_cast<const char *>(&node));
    }

    void put8(FrozenJson &node, const void *value)
    {
        char *at = m_bytes + m_nextByte;
        std::memcpy(at, value, 8);
        m_nextByte += 8;
        node.m_rel = offsetTo(node, at);
    }

    void setHead(FrozenJson &node, FrozenJson::Tag tag, std::uint32_t length = 0)
    {
        node.m_head = (length << 4) | std::uint32_t(tag);
    }

    void fill(FrozenJson &node, const nlohmann::json &j, const std::string *container)
    {
        using Tag = FrozenJson::Tag;
        switch (j.type()) {
        case nlohmann::json::value_t::object:
        case nlohmann::json::value_t::array: {
            const bool object = j.is_object();
            const std::size_t n = j.size();
            FrozenJson *children = m_nodes + m_nextNode;
            m_nextNode += n;
            setHead(node, object ? Tag::Object : Tag::Array, std::uint32_t(n));
            node.m_rel = n ? offsetTo(node, children) : 0;
            std::size_t k = 0;
            for (auto it = j.begin(); it != j.end(); ++it, ++k) {
                if (object) {
                    children[k].m_key = m_ids[m_nextId++];
                    if (sharedValue(container, it.key(), it.value())) {
                        setHead(children[k], Tag::SharedString);
                        children[k].m_rel = std::int32_t(m_ids[m_nextId++]);
                        continue;
                    }
                    fill(children[k], it.value(), &it.key());
                } else {
                    fill(children[k], it.value(), container);
                }
            }
            break;
        }
        case nlohmann::json::value_t::string: {
            const std::string &s = j.get_ref<const std::string &>();
            char *at = m_bytes + m_nextByte;
            node.m_rel = offsetTo(node, at);  // a long string's payload starts with its length
            if (s.size() >= FrozenJson::kLongLength) {
                const std::uint64_t length = s.size();
                std::memcpy(at, &length, sizeof length);
                at += sizeof length;
                m_nextByte += sizeof length;
                setHead(node, Tag::String, FrozenJson::kLongLength);
            } else {
                setHead(node, Tag::String, std::uint32_t(s.size()));
            }
            std::memcpy(at, s.data(), s.size());
            m_nextByte += s.size();
            break;
        }
        case nlohmann::json::value_t::boolean: setHead(node, j.get<bool>() ? Tag::True : Tag::False); break;
        case nlohmann::json::value_t::number_integer: {
            const std::int64_t v = j.get<std::int64_t>();
            if (inInt32(v)) {
                setHead(node, Tag::Int32);
                node.m_rel = std::int32_t(v);
            } else {
                setHead(node, Tag::Int64);
                put8(node, &v);
            }
            break;
        }
        case nlohmann::json::value_t::number_unsigned: {
            const std::uint64_t v = j.get<std::uint64_t>();
            if (v <= std::uint64_t(std::numeric_limits<std::int32_t>::max())) {
                setHead(node, Tag::UInt32);
                node.m_rel = std::int32_t(v);
            } else {
                setHead(node, Tag::UInt64);
                put8(node, &v);
            }
            break;
        }
        case nlohmann::json::value_t::number_float: {
            const double v = j.get<double>();
            setHead(node, Tag::Double);
            put8(node, &v);
            break;
        }
        default: setHead(node, Tag::Null); break;  // null, binary, discarded
        }
    }

    void releaseIds()
    {
        std::vector<std::uint32_t> last;
        for (std::uint32_t id : m_ids)
            if (KeyTable::instance().release(id))
                last.push_back(id);
        if (!last.empty())
            KeyTable::instance().collect(last);
    }

    std::vector<const std::string *> m_names;
    std::vector<std::uint32_t> m_ids;
    std::size_t m_nodeCount = 0;
    std::uint64_t m_byteCount = 0;
    FrozenJson *m_nodes = nullptr;
    char *m_bytes = nullptr;
    std::size_t m_nextNode = 0;
    std::uint64_t m_nextByte = 0;
    std::size_t m_nextId = 0;
};

void releaseFrozenKeys(const FrozenJson *root, std::uint32_t nodes)
{
    KeyTable &table = KeyTable::instance();
    std::vector<std::uint32_t> last;
    for (std::uint32_t i = 0; i < nodes; ++i) {
        if (root[i].m_key != FrozenJson::kNoKey && table.release(root[i].m_key))
            last.push_back(root[i].m_key);
        if (root[i].tag() == FrozenJson::Tag::SharedString && table.release(std::uint32_t(root[i].m_rel)))
            last.push_back(std::uint32_t(root[i].m_rel));
    }
    if (!last.empty())
        table.collect(last);
}

FrozenPtr freeze(const nlohmann::json &value)
{
    return FrozenBuilder().build(value);
}

std::size_t frozenBytes(const FrozenJson &root) { return std::size_t(headerOf(root)->bytes); }

std::size_t frozenKeyCount() { return KeyTable::instance().size(); }

// --- reading ---------------------------------------------------------------------------------

const std::string &FrozenJson::const_iterator::key() const
{
    if (!m_node || m_node->m_key == kNoKey)
        return emptyString();
    return KeyTable::instance().text(m_node->m_key);
}

const FrozenJson &FrozenJson::null()
{
    static const FrozenJson *node = new FrozenJson;
    return *node;
}

const FrozenJson &FrozenJson::emptyArray()
{
    static const FrozenJson *node = [] {
        auto *n = new FrozenJson;
        n->m_head = std::uint32_t(Tag::Array);
        return n;
    }();
    return *node;
}

FrozenJson::value_t FrozenJson::type() const
{
    switch (tag()) {
    case Tag::Null: return value_t::null;
    case Tag::False:
    case Tag::True: return value_t::boolean;
    case Tag::Int32:
    case Tag::Int64: return value_t::number_integer;
    case Tag::UInt32:
    case Tag::UInt64: return value_t::number_unsigned;
    case Tag::Double: return value_t::number_float;
    case Tag::String:
    case Tag::SharedString: return value_t::string;
    case Tag::Array: return value_t::array;
    case Tag::Object: return value_t::object;
    }
    return value_t::null;
}

std::size_t FrozenJson::size() const
{
    switch (tag()) {
    case Tag::Null: return 0;
    case Tag::Array:
    case Tag::Object: return length();
    default: return 1;
    }
}

FrozenJson::const_iterator FrozenJson::begin() const
{
    return const_iterator(is_structured() && length() ? children() : this + 1);
}

FrozenJson::const_iterator FrozenJson::end() const
{
    return const_iterator(is_structured() && length() ? children() + length() : this + 1);
}

FrozenJson::const_iterator FrozenJson::find(std::string_view key) const
{
    if (!is_object() || !length())
        return end();
    const KeyTable &table = KeyTable::instance();
    const FrozenJson *c = children();
    for (std::uint32_t i = 0, n = length(); i < n; ++i)
        if (table.text(c[i].m_key) == key)
            return const_iterator(c + i);
    return end();
}

const FrozenJson &FrozenJson::operator[](std::string_view key) const
{
    const auto it = find(key);
    return it == end() ? null() : *it;
}

const FrozenJson &FrozenJson::at(std::string_view key) const
{
    const auto it = find(key);
    if (it == end())
        throw nlohmann::json::out_of_range::create(403, "key '" + std::string(key) + "' not found", nullptr);
    return *it;
}

const FrozenJson &FrozenJson::operator[](std::size_t index) const
{
    if (!is_array() || index >= length())
        return null();
    return children()[index];
}

const FrozenJson &FrozenJson::at_pointer(std::string_view pointer) const
{
    const FrozenJson *node = this;
    std::size_t at = 0;
    while (at < pointer.size()) {
        if (pointer[at] != '/')
            return null();
        const std::size_t next = std::min(pointer.find('/', at + 1), pointer.size());
        std::string token;
        for (std::size_t i = at + 1; i < next; ++i) {
            if (pointer[i] == '~' && i + 1 < next && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
                token += pointer[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        if (node->is_object()) {
            node = &(*node)[std::string_view(token)];
        } else if (node->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos
                   && token.size() < 10) {
            node = &(*node)[std::size_t(std::stoul(token))];
        } else {
            return null();
        }
        at = next;
    }
    return *node;
}

std::string_view FrozenJson::text() const
{
    if (tag() == Tag::SharedString)
        return KeyTable::instance().text(std::uint32_t(m_rel));
    if (!is_string())
        return {};
    if (length() == kLongLength) {
        std::uint64_t n = 0;
        std::memcpy(&n, payload(), sizeof n);
        return std::string_view(payload() + sizeof n, std::size_t(n));
    }
    return std::string_view(payload(), length());
}

std::int64_t FrozenJson::asInt64() const
{
    switch (tag()) {
    case Tag::Int32:
    case Tag::UInt32: return m_rel;
    case Tag::Int64: {
        std::int64_t v;
        std::memcpy(&v, payload(), sizeof v);
        return v;
    }
    case Tag::UInt64: return std::int64_t(asUInt64());
    case Tag::Double: return std::int64_t(asDouble());
    default: return 0;
    }
}

std::uint64_t FrozenJson::asUInt64() const
{
    switch (tag()) {
    case Tag::UInt64: {
        std::uint64_t v;
        std::memcpy(&v, payload(), sizeof v);
        return v;
    }
    case Tag::Double: return std::uint64_t(asDouble());
    default: return std::uint64_t(asInt64());
    }
}

double FrozenJson::asDouble() const
{
    switch (tag()) {
    case Tag::Double: {
        double v;
        std::memcpy(&v, payload(), sizeof v);
        return v;
    }
    case Tag::UInt32:
    case Tag::UInt64: return double(asUInt64());
    default: return double(asInt64());
    }
}

void FrozenJson::typeError(const char *wanted) const
{
    throw nlohmann::json::type_error::create(302, std::string("type must be ") + wanted + ", but is " + toJson().type_name(),
                                             nullptr);
}

nlohmann::json FrozenJson::toJson() const
{
    switch (tag()) {
    case Tag::Null: return nullptr;
    case Tag::False: return false;
    case Tag::True: return true;
    case Tag::Int32:
    case Tag::Int64: return asInt64();
    case Tag::UInt32:
    case Tag::UInt64: return asUInt64();
    case Tag::Double: return asDouble();
    case Tag::String:
    case Tag::SharedString: return std::string(text());
    case Tag::Array: {
        nlohmann::json out = nlohmann::json::array();
        out.get_ref<nlohmann::json::array_t &>().reserve(length());
        for (const FrozenJson &c : *this)
            out.push_back(c.toJson());
        return out;
    }
    case Tag::Object: {
        nlohmann::json out = nlohmann::json::object();
        for (auto it = begin(); it != end(); ++it)
            out.emplace(it.key(), it->toJson());
        return out;
    }
    }
    return nullptr;
}

bool FrozenJson::operator==(const FrozenJson &other) const
{
    if (is_number() && other.is_number()) {
        if (tag() == Tag::Double || other.tag() == Tag::Double)
            return asDouble() == other.asDouble();
        const bool negative = !is_number_unsigned() && asInt64() < 0;
        const bool otherNegative = !other.is_number_unsigned() && other.asInt64() < 0;
        if (negative != otherNegative)
            return false;
        return negative ? asInt64() == other.asInt64() : asUInt64() == other.asUInt64();
    }
    if (type() != other.type())
        return false;
    if (is_string())
        return text() == other.text();  // either form
    switch (tag()) {
    case Tag::String:
    case Tag::SharedString: return text() == other.text();
    case Tag::Array:
    case Tag::Object: {
        if (length() != other.length())
            return false;
        const FrozenJson *a = children(), *b = other.children();
        for (std::uint32_t i = 0, n = length(); i < n; ++i) {
            if (is_object() && a[i].m_key != b[i].m_key)  // interned: one id per name
                return false;
            if (!(a[i] == b[i]))
                return false;
        }
        return true;
    }
    default: return tag() == other.tag();  // null, false, true
    }
}

} // namespace kube
