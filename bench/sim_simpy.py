#!/usr/bin/python3
"""SimPy reference for the discrete-event engine's throughput (bench/sim_bench.cc, BM_EngineMmc).

The same model: M/M/c with c = 8 servers, mean service S = 1 s, arrival rate 0.8 c / S (ρ = 0.8),
FIFO, unbounded queue, written the way SimPy's documentation writes queueing models: a source
process that starts one process per customer, a Resource of capacity c, timeouts for gaps and
service. Two SimPy generations are packaged for Debian 12, and either can be measured:
  --simpy 3   python3-simpy3, SimPy 3.0.11 (`import simpy`, the API SimPy documents today)
  --simpy 2   python3-simpy, SimPy 2.3.1 (`SimPy.Simulation`, the classic API)
Random numbers come from Python's random.Random (Mersenne Twister, exponential by inversion),
seeded.

Events are counted as in the C++ benchmark: an arrival and a departure per customer. (SimPy itself
schedules several internal events per customer: timeouts, resource requests and releases,
process starts; they are its cost of handling the two model events.) The cost per event does not
depend on the number of customers, so the default runs 100,000 customers, 10× fewer than the C++
benchmark, to keep the run short.

Prints one line: `simpy version=V customers=N events=E seconds=S cpu_seconds=C ns_per_event=X
events_per_s=Y mean_wait_s=W` (seconds is the wall-clock time of the run, cpu_seconds this
process's CPU time over the same span).
"""

import argparse
import random
import time

SERVERS = 8
SERVICE_S = 1.0
RATE_PER_S = 0.8 * SERVERS / SERVICE_S


def build_simpy3(customers, rng, waits):
    """SimPy 3: generator functions as processes. Returns (version, run)."""
    import simpy

    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)

    def customer(service_s):
        arrived = env.now
        with servers.request() as request:
            yield request
            waits[0] += env.now - arrived
            waits[1] += 1
            yield env.timeout(service_s)

    def source():
        for _ in range(customers):
            yield env.timeout(rng.expovariate(RATE_PER_S))
            env.process(customer(rng.expovariate(1.0 / SERVICE_S)))

    env.process(source())
    return simpy.__version__, env.run


def build_simpy2(customers, rng, waits):
    """SimPy 2: Process subclasses yielding (command, self, argument). Returns (version, run)."""
    import SimPy
    from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

    sim = Simulation()
    sim.initialize()
    servers = Resource(capacity=SERVERS, sim=sim)

    class Customer(Process):
        def visit(self, service_s):
            arrived = sim.now()
            yield request, self, servers
            waits[0] += sim.now() - arrived
            waits[1] += 1
            yield hold, self, service_s
            yield release, self, servers

    class Source(Process):
        def generate(self):
            for _ in range(customers):
                yield hold, self, rng.expovariate(RATE_PER_S)
                c = Customer(sim=sim)
                sim.activate(c, c.visit(rng.expovariate(1.0 / SERVICE_S)))

    source = Source(sim=sim)
    sim.activate(source, source.generate())
    return SimPy.__version__, lambda: sim.simulate(until=1e300)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--simpy", choices=["2", "3"], default="3")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    waits = [0.0, 0]  # total wait, customers served
    build = build_simpy3 if args.simpy == "3" else build_simpy2
    version, run = build(args.customers, rng, waits)
    start_wall = time.perf_counter()
    start_cpu = time.process_time()
    run()
    seconds = time.perf_counter() - start_wall
    cpu_seconds = time.process_time() - start_cpu
    events = 2 * args.customers
    print(f"simpy version={version} customers={args.customers} events={events} "
          f"seconds={seconds:.6f} cpu_seconds={cpu_seconds:.6f} "
          f"ns_per_event={seconds * 1e9 / events:.3f} events_per_s={events / seconds:.1f} "
          f"mean_wait_s={waits[0] / waits[1]:.6f}")


if __name__ == "__main__":
    main()
