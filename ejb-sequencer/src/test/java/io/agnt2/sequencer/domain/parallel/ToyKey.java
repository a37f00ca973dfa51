package io.agnt2.sequencer.domain.parallel;

/** A key of the toy state: an agent's account, or the price of the service it offers. */
record ToyKey(Kind kind, int agent) {

    enum Kind { ACCOUNT, PRICE }

    static ToyKey account(int agent) {
        return new ToyKey(Kind.ACCOUNT, agent);
    }

    static ToyKey price(int agent) {
        return new ToyKey(Kind.PRICE, agent);
    }
}
