package dev.autoreply.worker.customers;

/** Cache key of one lookup; the address is already in lower case. */
record CustomerKey(String tenant, String address) {
}
