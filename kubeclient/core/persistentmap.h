// A persistent sorted map (AVL, path copying): a published version never changes, so a snapshot
// is a pointer copy and readers never block writers. The Store's objects and the tenancy graph's
// objects and indexes are kept in it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace kube {

// Every modification names an edit: nodes created under that edit may be changed in place by
// later operations of the same edit (a transient, as in Clojure), all other nodes are copied.
// A writer takes a fresh edit per batch and publishes only at its end, so no published node is
// ever touched, while a bulk load of 50,000 objects allocates each node about once instead of
// copying a whole path per insert. Copy a map only between edits: a copy taken in the middle of
// an edit shares nodes that the edit may still change.
class MapEdit
{
public:
    MapEdit() : m_id(next()) {}
    std::uint64_t id() const { return m_id; }

private:
    static std::uint64_t next()
    {
        static std::atomic<std::uint64_t> counter{0};
        return ++counter;
    }
    std::uint64_t m_id;
};

template <typename V>
class PersistentMap
{
    struct Node;

    // An intrusive reference: children and roots are shared between versions of the map, and
    // readers on other threads may drop the last reference, hence the atomic count.
    class NodeRef
    {
    public:
        NodeRef() = default;
        explicit NodeRef(Node *adopted) : m_node(adopted) {}
        NodeRef(const NodeRef &other) : m_node(other.m_node)
        {
            if (m_node)
                m_node->refs.fetch_add(1, std::memory_order_relaxed);
        }
        NodeRef(NodeRef &&other) noexcept : m_node(std::exchange(other.m_node, nullptr)) {}
        NodeRef &operator=(NodeRef other) noexcept
        {
            std::swap(m_node, other.m_node);
            return *this;
        }
        ~NodeRef()
        {
            // Destroying a node releases its children: recursion as deep as the tree, ~1.44 log2 n.
            if (m_node && m_node->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
                Node::destroy(m_node);
        }
        Node *get() const { return m_node; }
        Node *operator->() const { return m_node; }
        explicit operator bool() const { return m_node != nullptr; }
        bool operator==(const NodeRef &other) const { return m_node == other.m_node; }

    private:
        Node *m_node = nullptr;
    };

    // A node and its key in one allocation (the key's bytes follow the node): a path copy copies
    // the key too (tens of bytes, while the edit runs), and a node costs one allocation, not two.
    struct Node {
        static Node *make(std::uint64_t edit, std::string_view key, V value)
        {
            if (key.size() > kMaxKeySize)
                throw std::length_error("persistent map: a key of 16 MiB or more");
            Node *n = new (::operator new(sizeof(Node) + key.size())) Node(edit, std::uint32_t(key.size()), std::move(value));
            if (!key.empty())
                std::memcpy(reinterpret_cast<char *>(n + 1), key.data(), key.size());
            return n;
        }
        // The private copy an edit makes of a node it does not own.
        static Node *copy(const Node &other, std::uint64_t edit)
        {
            Node *n = new (::operator new(sizeof(Node) + other.keySize)) Node(other, edit);
            if (other.keySize)
                std::memcpy(reinterpret_cast<char *>(n + 1), reinterpret_cast<const char *>(&other + 1), other.keySize);
            return n;
        }
        static void destroy(Node *n)
        {
            n->~Node();
            ::operator delete(n);
        }
        std::string_view key() const { return std::string_view(reinterpret_cast<const char *>(this + 1), keySize); }

        // 32 bytes before the value (an index set's empty value takes none), then the key.
        static constexpr std::uint32_t kMaxKeySize = (1u << 24) - 1;
        std::atomic<std::uint32_t> refs{1};
        std::uint32_t keySize : 24;
        std::uint32_t height : 8;  // AVL: at most about 1.44 log2(n), far below 255
        std::uint64_t edit = 0;
        NodeRef left;
        NodeRef right;
        [[no_unique_address]] V value;

    private:
        Node(std::uint64_t edit_, std::uint32_t keySize_, V value_)
            : keySize(keySize_), height(1), edit(edit_), value(std::move(value_))
        {
        }
        Node(const Node &other, std::uint64_t edit_)
            : keySize(other.keySize), height(other.height), edit(edit_), left(other.left), right(other.right), value(other.value)
        {
        }
    };

public:
    // What one entry costs besides its key's bytes (and the allocator's own header).
    static constexpr std::size_t kNodeBytes = sizeof(Node);

    PersistentMap() = default;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    const V *find(std::string_view key) const
    {
        const Node *n = m_root.get();
        while (n) {
            const int c = key.compare(n->key());
            if (c < 0)
                n = n->left.get();
            else if (c > 0)
                n = n->right.get();
            else
                return &n->value;
        }
        return nullptr;
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }

    // Inserts or replaces.
    void set(const MapEdit &edit, std::string_view key, V value)
    {
        bool added = false;
        m_root = insert(m_root, key, std::move(value), edit.id(), added);
        if (added)
            ++m_size;
    }

    // True when the key was present.
    bool erase(const MapEdit &edit, std::string_view key)
    {
        if (!find(key))
            return false;
        m_root = remove(m_root, key, edit.id());
        --m_size;
        return true;
    }

    // In key order; visit(std::string_view key, const V &value) returns false to stop.
    template <typename F>
    void forEach(F &&visit) const
    {
        walk(m_root.get(), visit);
    }

    // The keys that start with prefix, in order. They form one contiguous range, so this costs
    // O(log n + matches): "all bindings of namespace p1" is a range of "p1/".
    template <typename F>
    void forEachWithPrefix(std::string_view prefix, F &&visit) const
    {
        walkPrefix(m_root.get(), prefix, visit);
    }

    std::size_t countWithPrefix(std::string_view prefix) const
    {
        std::size_t n = 0;
        forEachWithPrefix(prefix, [&](std::string_view, const V &) {
            ++n;
            return true;
        });
        return n;
    }

    bool sameRoot(const PersistentMap &other) const { return m_root == other.m_root; }

    // Keys in order, AVL heights and balance, and the size: for consistency checks in tests.
    bool valid() const
    {
        std::size_t count = 0;
        std::string_view last;
        bool first = true;
        return check(m_root.get(), count, last, first) >= 0 && count == m_size;
    }

private:
    static int heightOf(const NodeRef &n) { return n ? int(n->height) : 0; }

    static void fix(Node &n) { n.height = std::uint32_t(1 + std::max(heightOf(n.left), heightOf(n.right))) & 0xffu; }

    // The node itself when this edit made it, else a private copy stamped with the edit.
    static NodeRef own(const NodeRef &n, std::uint64_t edit)
    {
        if (n->edit == edit)
            return n;
        return NodeRef(Node::copy(*n.get(), edit));
    }

    static NodeRef rotateRight(NodeRef n, std::uint64_t edit)
    {
        NodeRef l = own(n->left, edit);
        n->left = l->right;
        fix(*n.get());
        l->right = std::move(n);
        fix(*l.get());
        return l;
    }

    static NodeRef rotateLeft(NodeRef n, std::uint64_t edit)
    {
        NodeRef r = own(n->right, edit);
        n->right = r->left;
        fix(*n.get());
        r->left = std::move(n);
        fix(*r.get());
        return r;
    }

    // n is owned by the edit; its children differ in height by at most two.
    static NodeRef rebalance(NodeRef n, std::uint64_t edit)
    {
        fix(*n.get());
        const int balance = heightOf(n->left) - heightOf(n->right);
        if (balance > 1) {
            if (heightOf(n->left->left) < heightOf(n->left->right))
                n->left = rotateLeft(own(n->left, edit), edit);
            return rotateRight(std::move(n), edit);
        }
        if (balance < -1) {
            if (heightOf(n->right->right) < heightOf(n->right->left))
                n->right = rotateRight(own(n->right, edit), edit);
            return rotateLeft(std::move(n), edit);
        }
        return n;
    }

    static NodeRef insert(const NodeRef &n, std::string_view key, V &&value, std::uint64_t edit, bool &added)
    {
        if (!n) {
            added = true;
            return NodeRef(Node::make(edit, key, std::move(value)));
        }
        const int c = key.compare(n->key());
        if (c == 0) {
            NodeRef m = own(n, edit);
            m->value = std::move(value);
            return m;
        }
        NodeRef child = insert(c < 0 ? n->left : n->right, key, std::move(value), edit, added);
        NodeRef m = own(n, edit);
        (c < 0 ? m->left : m->right) = std::move(child);
        return rebalance(std::move(m), edit);
    }

    // Detaches the smallest node of n into `min`.
    static NodeRef removeMin(const NodeRef &n, std::uint64_t edit, NodeRef &min)
    {
        if (!n->left) {
            min = n;
            return n->right;
        }
        NodeRef child = removeMin(n->left, edit, min);
        NodeRef m = own(n, edit);
        m->left = std::move(child);
        return rebalance(std::move(m), edit);
    }

    static NodeRef remove(const NodeRef &n, std::string_view key, std::uint64_t edit)
    {
        const int c = key.compare(n->key());
        if (c != 0) {
            NodeRef child = remove(c < 0 ? n->left : n->right, key, edit);
            NodeRef m = own(n, edit);
            (c < 0 ? m->left : m->right) = std::move(child);
            return rebalance(std::move(m), edit);
        }
        if (!n->left)
            return n->right;
        if (!n->right)
            return n->left;
        NodeRef min;
        NodeRef right = removeMin(n->right, edit, min);
        NodeRef m = own(min, edit);
        m->left = n->left;
        m->right = std::move(right);
        return rebalance(std::move(m), edit);
    }

    // The height of n, or -1 when the subtree is malformed.
    static int check(const Node *n, std::size_t &count, std::string_view &last, bool &first)
    {
        if (!n)
            return 0;
        const int hl = check(n->left.get(), count, last, first);
        if (hl < 0 || (!first && !(last < n->key())))
            return -1;
        last = n->key();
        first = false;
        ++count;
        const int hr = check(n->right.get(), count, last, first);
        if (hr < 0 || hl - hr > 1 || hr - hl > 1 || n->height != 1 + std::max(hl, hr))
            return -1;
        return n->height;
    }

    template <typename F>
    static bool walk(const Node *n, F &visit)
    {
        if (!n)
            return true;
        if (!walk(n->left.get(), visit))
            return false;
        if (!visit(n->key(), static_cast<const V &>(n->value)))
            return false;
        return walk(n->right.get(), visit);
    }

    template <typename F>
    static bool walkPrefix(const Node *n, std::string_view prefix, F &visit)
    {
        if (!n)
            return true;
        const std::string_view key = n->key();
        if (key < prefix)
            return walkPrefix(n->right.get(), prefix, visit);
        if (!walkPrefix(n->left.get(), prefix, visit))
            return false;
        if (key.substr(0, prefix.size()) != prefix)
            return false;  // past the range: everything further right is larger still
        if (!visit(key, static_cast<const V &>(n->value)))
            return false;
        return walkPrefix(n->right.get(), prefix, visit);
    }

    NodeRef m_root;
    std::size_t m_size = 0;
};

} // namespace kube
