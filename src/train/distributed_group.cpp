// distributed_group.cpp — joining a data-parallel job (TCPStore rendezvous,
// job check, Gloo group), all-reduce with timing, and naming a lost rank.
// Compiled with USE_C10D_GLOO (CMakeLists.txt): ProcessGroupGloo.hpp is empty without it.
#include "train/distributed_group_impl.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

namespace ganarium {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kJobKey = "ganarium/job/";
constexpr const char* kStartedKey = "ganarium/started/";
constexpr const char* kVerdictKey = "ganarium/verdict";
constexpr const char* kVerdictReadKey = "ganarium/verdict_read";
constexpr const char* kAliveKey = "ganarium/alive/";
// How long a rank that saw a collective fail waits for the others to report in before naming the silent ones.
constexpr double kGraceSeconds = 3.0;

std::chrono::milliseconds toMilliseconds(double seconds) {
    return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000.0));
}

std::string toString(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }
std::vector<uint8_t> toBytes(const std::string& text) { return std::vector<uint8_t>(text.begin(), text.end()); }

// The first line of an exception text (c10 errors append a C++ stack).
std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string masterAddress(const DistributedOptions& o) { return o.master_host + ":" + std::to_string(o.master_port); }

bool isLoopback(const std::string& host) { return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1"; }

// The network device Gloo binds: loopback for a loopback master; GLOO_SOCKET_IFNAME when set; else this host's name.
std::shared_ptr<gloo::transport::Device> makeDevice(const DistributedOptions& o) {
    if (isLoopback(o.master_host)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name && *name)
        return c10d::ProcessGroupGloo::createDeviceForInterface(name);
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

// The first line where two job texts differ, as "KEY: A here, B there".
std::string firstDifference(const std::string& mine, const std::string& theirs) {
    std::istringstream a(mine), b(theirs);
    std::string la, lb;
    while (true) {
        const bool more_a = static_cast<bool>(std::getline(a, la));
        const bool more_b = static_cast<bool>(std::getline(b, lb));
        if (!more_a && !more_b) return "(no difference)";
        if (!more_a) la.clear();
        if (!more_b) lb.clear();
        if (la != lb) return "'" + la + "' here, '" + lb + "' there";
    }
}

void checkRankNumbers(const DistributedOptions& o) {
    if (o.world_size < 1 || o.world_size > 4096)
        throw UserError("--world-size (WORLD_SIZE) must be between 1 and 4096, got " + std::to_string(o.world_size) + ".");
    if (o.rank < 0 || o.rank >= o.world_size)
        throw UserError("--rank (RANK) must be between 0 and " + std::to_string(o.world_size - 1) + " for --world-size " +
                        std::to_string(o.world_size) + ", got " + std::to_string(o.rank) + ".");
    if (o.master_port < 1 || o.master_port > 65535)
        throw UserError("the master port must be between 1 and 65535, got " + std::to_string(o.master_port) + ".");
    if (!(o.timeout_s >= 1 && o.timeout_s <= 86400))
        throw UserError("--timeout must be between 1 and 86400 seconds.");
}

c10::intrusive_ptr<c10d::Store> openStore(const DistributedOptions& o) {
    c10d::TCPStoreOptions store_options;
    store_options.port = static_cast<uint16_t>(o.master_port);
    store_options.isServer = o.rank == 0;
    store_options.waitWorkers = false;
    store_options.timeout = toMilliseconds(o.timeout_s);
    try {
        return c10::make_intrusive<c10d::TCPStore>(o.master_host, store_options);
    } catch (const std::exception& e) {
        if (o.rank == 0)
            throw UserError("rank 0 could not listen on " + masterAddress(o) + " (" + firstLine(e.what()) +
                            "). The port is in use (another job or program holds it): pick a free one with "
                            "--master HOST:PORT (MASTER_PORT) and give every rank the same.");
        throw UserError("rank " + std::to_string(o.rank) + " could not reach rank 0 at " + masterAddress(o) +
                        " within " + std::to_string(static_cast<int>(o.timeout_s)) + " s (" + firstLine(e.what()) +
                        "). Start rank 0 with the same --master, or check the address, port and firewall.");
    }
}

// Waits for `key`; on timeout throws UserError(`message`).
void waitForKey(c10d::Store& store, const std::string& key, const DistributedOptions& o, const std::string& message) {
    try {
        store.wait({key}, toMilliseconds(o.timeout_s));
    } catch (const std::exception& e) {
        throw UserError(message + " (waited " + std::to_string(static_cast<int>(o.timeout_s)) + " s: " +
                        firstLine(e.what()) + ")");
    }
}

// Every rank announces its job; rank 0 compares them all and posts a verdict every rank obeys.
void agreeOnJob(c10d::Store& store, const DistributedOptions& o, const std::string& job) {
    const std::string me = std::to_string(o.rank);
    if (store.add(kStartedKey + me, 1) > 1)
        throw UserError("rank " + me + " was started twice for the job at " + masterAddress(o) +
                        ": give each process its own --rank (RANK), 0 to " + std::to_string(o.world_size - 1) + ".");
    store.set(kJobKey + me, toBytes(job));
    if (o.rank != 0) {
        waitForKey(store, kJobKey + std::string("0"), o,
                   "rank 0 did not announce its job. It may still be preparing: training the image classifier on first "
                   "use takes minutes (run `ganarium classifier` on its machine first, or pass --no-image-metrics), "
                   "or raise --timeout");
        const std::string theirs = toString(store.get(kJobKey + std::string("0")));
        if (theirs != job)
            throw UserError("rank " + me + " and rank 0 were started differently: " + firstDifference(job, theirs) +
                            ". Start every rank with the same scene, --steps, --seed and --world-size.");
        waitForKey(store, kVerdictKey, o, "rank 0 did not confirm the job");
        const std::string verdict = toString(store.get(kVerdictKey));
        store.add(kVerdictReadKey, 1);
        if (verdict != "ok") throw UserError(verdict);
        return;
    }
    std::string verdict = "ok";
    for (int r = 1; r < o.world_size && verdict == "ok"; ++r) {
        const std::string key = kJobKey + std::to_string(r);
        try {
            store.wait({key}, toMilliseconds(o.timeout_s));
        } catch (const std::exception&) {
            verdict = "rank " + std::to_string(r) + " did not join the job at " + masterAddress(o) + " within " +
                      std::to_string(static_cast<int>(o.timeout_s)) + " s. Start it (--rank " + std::to_string(r) +
                      ") with the same --master, or lower --world-size.";
            break;
        }
        const std::string theirs = toString(store.get(key));
        if (theirs != job)
            verdict = "rank " + std::to_string(r) + " was started differently from rank 0: " +
                      firstDifference(job, theirs) + ". Start every rank with the same scene, --steps, --seed and --world-size.";
    }
    store.set(kVerdictKey, toBytes(verdict));
    if (verdict == "ok") return;
    // The store lives in this process: give the others a moment to read the verdict before it goes away.
    const auto deadline = Clock::now() + toMilliseconds(kGraceSeconds);
    while (store.add(kVerdictReadKey, 0) < o.world_size - 1 && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    throw UserError(verdict);
}

}  // namespace

std::shared_ptr<DistributedGroup> DistributedGroup::join(const DistributedOptions& options, const std::string& job) {
    checkRankNumbers(options);
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->store = openStore(options);
    agreeOnJob(*impl->store, options, "world_size = " + std::to_string(options.world_size) + "\n" + job);
    auto gloo_options = c10d::ProcessGroupGloo::Options::create(toMilliseconds(options.timeout_s));
    try {
        gloo_options->devices.push_back(makeDevice(options));
        auto prefixed = c10::make_intrusive<c10d::PrefixStore>("gloo", impl->store);
        impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, options.rank, options.world_size, gloo_options);
    } catch (const std::exception& e) {
        throw UserError("rank " + std::to_string(options.rank) + " could not connect to the other ranks (" +
                        firstLine(e.what()) + "). On several machines, set GLOO_SOCKET_IFNAME to the network "
                        "interface the ranks share (e.g. eth0).");
    }
    return std::shared_ptr<DistributedGroup>(new DistributedGroup(std::move(impl)));
}

DistributedGroup::DistributedGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DistributedGroup::~DistributedGroup() = default;

int DistributedGroup::rank() const { return impl_->options.rank; }
int DistributedGroup::worldSize() const { return impl_->options.world_size; }
const DistributedOptions& DistributedGroup::options() const { return impl_->options; }
GradientTransfer DistributedGroup::transfer() const { return impl_->transfer; }
void DistributedGroup::setTransfer(GradientTransfer transfer) { impl_->transfer = transfer; }

std::string DistributedGroup::failure() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->failure;
}

CommunicationStats DistributedGroup::stats() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->stats;
}

void DistributedGroup::Impl::allreduce(std::vector<torch::Tensor>& tensors, c10d::ReduceOp op) {
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure.empty()) throw PeerLost(failure);
    }
    const auto started = Clock::now();
    int64_t bytes = 0;
    try {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        for (torch::Tensor& t : tensors) {
            std::vector<torch::Tensor> one{t};
            c10d::AllreduceOptions reduce;
            reduce.reduceOp = op;
            works.push_back(group->allreduce(one, reduce));
            bytes += t.numel() * static_cast<int64_t>(t.element_size());
        }
        for (auto& work : works) work->wait();
    } catch (const std::exception& e) {
        const std::string message = describeLoss(e.what());
        std::lock_guard<std::mutex> lock(mutex);
        failure = message;
        throw PeerLost(message);
    }
    std::lock_guard<std::mutex> lock(mutex);
    stats.calls += static_cast<int64_t>(tensors.size());
    stats.bytes += bytes;
    stats.seconds += std::chrono::duration<double>(Clock::now() - started).count();
}

std::string DistributedGroup::Impl::describeLoss(const std::string& error) {
    const std::string me = std::to_string(options.rank);
    const std::string cause = " Gloo said: " + firstLine(error);
    try {
        store->set(kAliveKey + me, toBytes("1"));
        const auto deadline = Clock::now() + toMilliseconds(kGraceSeconds);
        std::vector<int> silent;
        do {
            silent.clear();
            for (int r = 0; r < options.world_size; ++r)
                if (r != options.rank && !store->check({kAliveKey + std::to_string(r)})) silent.push_back(r);
            if (silent.empty()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        } while (Clock::now() < deadline);
        if (silent.empty()) return "rank " + me + ": a collective failed although every rank still answers." + cause;
        std::string names;
        for (size_t i = 0; i < silent.size(); ++i) names += (i ? ", " : "") + std::to_string(silent[i]);
        return std::string(silent.size() == 1 ? "rank " : "ranks ") + names +
               " stopped answering (exited, killed, or hung past the --timeout of " +
               std::to_string(static_cast<int>(options.timeout_s)) + " s); rank " + me +
               " stops too. The last checkpoint rank 0 wrote stays loadable: continue with --resume DIR." + cause;
    } catch (const std::exception&) {
        return "rank 0 (the master at " + masterAddress(options) + ") stopped answering (exited, killed, or hung); rank " +
               me + " stops too. The last checkpoint rank 0 wrote stays loadable: continue with --resume DIR." + cause;
    }
}

}  // namespace ganarium
