// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title ChannelAdjudicator
/// @notice L1 side of AGNT2's top tier: bilateral ETH state channels between two agents. The
///         contract holds the deposits and decides, only when asked, which co-signed state pays
///         out. Everything in between (the updates) happens off-chain, so L1 sees at most four
///         transactions per channel: open, (deposit), close or finalize, and withdrawals.
/// @dev    Life of a channel (see docs/decisions/0008-channel-adjudicator.md):
///
///         0. Off-chain, A and B co-sign the nonce-0 state whose balances are the deposits they are
///            about to make. Whoever funds second therefore already holds a way out.
///         1. `open(B, salt, depositB)` by A with A's deposit as value. If `depositB` is 0 the
///            channel is Open at once; otherwise it waits (Opening) for
///         2. `deposit(channelId)` by B with exactly `depositB`. Until B deposits, A may `cancel`.
///         3a. Cooperative: `finalizeCooperative(state, sigA, sigB)` with a *final* state (its
///             `appStateHash` is `FINAL_APP_STATE`): both are paid at once.
///         3b. Unilateral: `close(state, sigA, sigB)` with any co-signed state registers it and starts
///             the challenge period; during the period `challenge` with a strictly higher nonce
///             replaces it; after the period each participant `withdraw`s its balance.
///
///         States are EIP-712 typed data in the domain ("AGNT2 Channels", "1", chainid, this): a
///         state signed for another chain or another adjudicator does not verify here.
contract ChannelAdjudicator {
    // ---------------------------------------------------------------------------------------------
    // Types and constants

    /// @notice One co-signed channel state. Field order and types are the EIP-712 type below.
    struct ChannelState {
        bytes32 channelId;
        uint64 nonce;
        uint256 balanceA;
        uint256 balanceB;
        bytes32 appStateHash;
    }

    enum Status {
        None, //      no such channel
        Opening, //   A deposited, waiting for B's deposit
        Open, //      funded; states are exchanged off-chain
        Closing, //   a state is registered, the challenge period runs
        Closed //     final balances known; participants withdraw what is left
    }

    /// @dev Three storage slots per channel: the participants share their slot with the uint64
    ///      fields, and balances are uint128 (ETH supply is far below 2^128 wei). The sum of the two
    ///      balances is the channel's deposit while it is Open or Closing; it only shrinks when Closed,
    ///      by withdrawals. Storing balances instead of a separate deposit total saves a slot and
    ///      keeps "balances must sum to the deposits" a check against what is stored.
    struct Channel {
        address participantA; // slot 0
        uint64 finalizesAt; //   slot 0: end of the challenge period (Closing), else 0
        Status status; //        slot 0
        address participantB; // slot 1
        uint64 nonce; //         slot 1: nonce of the registered state (Closing/Closed)
        uint128 balanceA; //     slot 2: deposit of A, then A's balance in the registered state
        uint128 balanceB; //     slot 2: B's deposit (or, while Opening, the deposit B must make)
    }

    bytes32 public constant STATE_TYPEHASH = keccak256(
        "ChannelState(bytes32 channelId,uint64 nonce,uint256 balanceA,uint256 balanceB,bytes32 appStateHash)"
    );
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant NAME_HASH = keccak256("AGNT2 Channels");
    bytes32 private constant VERSION_HASH = keccak256("1");

    /// @notice `appStateHash` that marks a state as final: only such a state may be paid out at once
    ///         by `finalizeCooperative`. Without the mark, whoever kept an old co-signed state could
    ///         settle it instantly, bypassing the challenge period that protects the other side.
    bytes32 public constant FINAL_APP_STATE = keccak256("AGNT2 channel final state");

    /// @dev secp256k1n / 2: signatures with a higher s are the malleated twin of a valid one (EIP-2).
    uint256 private constant HALF_CURVE_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    /// @notice Gas forwarded to each recipient of an immediate payout. Enough for an EOA or a smart
    ///         wallet's receive function; a recipient that reverts or needs more is credited instead
    ///         (see `_payOrCredit`), so it can neither block the other side's payout nor the close.
    uint256 public constant PAYOUT_GAS = 50_000;

    /// @notice Length of the challenge period in seconds, fixed at deployment.
    uint64 public immutable challengePeriod;

    /// @dev Cached for the common case; recomputed if the chain forks to another chain id, so that
    ///      a state signed for the old chain id is never accepted on the new one.
    uint256 private immutable deployChainId;
    bytes32 private immutable cachedDomainSeparator;

    mapping(bytes32 => Channel) private channels;

    /// @dev Transient (EIP-1153): the guard costs ~200 gas instead of two SSTOREs.
    bool private transient locked;

    // ---------------------------------------------------------------------------------------------
    // Events: a watcher rebuilds every channel's life from these alone.

    event ChannelOpened(
        bytes32 indexed channelId,
        address indexed participantA,
        address indexed participantB,
        uint256 depositA,
        uint256 depositB
    );
    event ChannelFunded(bytes32 indexed channelId, uint256 depositB);
    event ChannelCancelled(bytes32 indexed channelId);
    /// @notice A state was registered by `close`; the period ends at `finalizesAt` (a challenge does not
    ///         extend it). `closer` sent the close: when it is a participant and the state is then
    ///         proved stale by a challenge, the dispute counts against it (and only against it: a
    ///         participant can never make a dispute count against the other side).
    event ChannelClosing(
        bytes32 indexed channelId,
        address indexed closer,
        uint64 nonce,
        uint256 balanceA,
        uint256 balanceB,
        uint64 finalizesAt
    );
    event ChannelChallenged(bytes32 indexed channelId, uint64 nonce, uint256 balanceA, uint256 balanceB);
    event ChannelFinalized(bytes32 indexed channelId, uint64 nonce, uint256 balanceA, uint256 balanceB);
    event Withdrawn(bytes32 indexed channelId, address indexed participant, uint256 amount);
    /// @notice An immediate payout did not go through; the amount waits for `withdraw`.
    event PayoutDeferred(bytes32 indexed channelId, address indexed participant, uint256 amount);

    // ---------------------------------------------------------------------------------------------
    // Errors

    error ZeroChallengePeriod();
    error InvalidCounterparty(address participantB);
    error ChannelExists(bytes32 channelId);
    error UnknownChannel(bytes32 channelId);
    error UnexpectedStatus(bytes32 channelId, Status actual);
    error NotParticipant(bytes32 channelId, address caller);
    error WrongDeposit(uint256 expected, uint256 sent);
    error DepositTooLarge(uint256 amount);
    /// @notice The state's balances do not add up to what the channel holds.
    error BalanceSumMismatch(uint256 deposits, uint256 balanceA, uint256 balanceB);
    /// @notice `participant`'s signature is missing, malformed, high-s, or by another key (which is
    ///         also what a state signed for another chain id or adjudicator looks like).
    error InvalidSignature(address participant);
    error NotFinalState(bytes32 appStateHash);
    /// @notice A challenge (or a cooperative close during a dispute) must be strictly newer.
    error StaleState(uint64 registeredNonce, uint64 givenNonce);
    error ChallengePeriodOver(uint64 finalizesAt, uint256 timestamp);
    error ChallengePeriodRunning(uint64 finalizesAt, uint256 timestamp);
    error NothingToWithdraw(bytes32 channelId, address participant);
    error TransferFailed(address to, uint256 amount);
    error Reentrancy();

    modifier nonReentrant() {
        if (locked) revert Reentrancy();
        locked = true;
        _;
        locked = false;
    }

    /// @param challengePeriodSeconds how long the other side has to answer a unilateral close. Long
    ///        enough for a watcher to see the close and get a transaction included on this L1 even
    ///        when it is congested (hours to a day in production, seconds in tests).
    constructor(uint64 challengePeriodSeconds) {
        if (challengePeriodSeconds == 0) revert ZeroChallengePeriod();
        challengePeriod = challengePeriodSeconds;
        deployChainId = block.chainid;
        cachedDomainSeparator = _buildDomainSeparator();
    }

    // ---------------------------------------------------------------------------------------------
    // Opening

    /// @notice A opens a channel with `participantB`, depositing `msg.value`.
    /// @param salt     distinguishes several channels between the same pair (e.g. a counter).
    /// @param depositB exactly what B must deposit; 0 means the channel is Open at once. Fixed here
    ///                 so that the nonce-0 state both signed before funding stays valid.
    function open(address participantB, bytes32 salt, uint128 depositB)
        external
        payable
        returns (bytes32 channelId)
    {
        if (participantB == address(0) || participantB == msg.sender) revert InvalidCounterparty(participantB);
        if (msg.value > type(uint128).max) revert DepositTooLarge(msg.value);
        // checked: A's and B's deposits together must still fit in the balance fields
        if (uint256(uint128(msg.value)) + depositB > type(uint128).max) revert DepositTooLarge(msg.value + depositB);

        channelId = channelIdOf(msg.sender, participantB, salt);
        Channel storage c = channels[channelId];
        // Never reuse an id, even after a close: old states of that channel would verify again.
        if (c.status != Status.None) revert ChannelExists(channelId);

        c.participantA = msg.sender;
        c.participantB = participantB;
        c.balanceA = uint128(msg.value);
        c.balanceB = depositB;
        c.status = depositB == 0 ? Status.Open : Status.Opening;
        emit ChannelOpened(channelId, msg.sender, participantB, msg.value, depositB);
    }

    /// @notice B funds an Opening channel with exactly the deposit A's `open` named.
    function deposit(bytes32 channelId) external payable {
        Channel storage c = _channel(channelId, Status.Opening);
        if (msg.sender != c.participantB) revert NotParticipant(channelId, msg.sender);
        if (msg.value != c.balanceB) revert WrongDeposit(c.balanceB, msg.value);
        c.status = Status.Open;
        emit ChannelFunded(channelId, msg.value);
    }

    /// @notice A takes its deposit back from a channel B never funded. Paid at once.
    function cancel(bytes32 channelId) external nonReentrant {
        Channel storage c = _channel(channelId, Status.Opening);
        if (msg.sender != c.participantA) revert NotParticipant(channelId, msg.sender);
        uint128 refund = c.balanceA;
        c.balanceA = 0;
        c.balanceB = 0; // was only the deposit B was expected to make
        c.status = Status.Closed;
        emit ChannelCancelled(channelId);
        _payOrCredit(channelId, c, msg.sender, refund, true);
    }

    // ---------------------------------------------------------------------------------------------
    // Closing

    /// @notice Cooperative close: both signed a final state; both are paid at once. Allowed while
    ///         Open, or during a dispute if the final state is newer than the registered one.
    function finalizeCooperative(ChannelState calldata state, bytes calldata sigA, bytes calldata sigB)
        external
        nonReentrant
    {
        if (state.appStateHash != FINAL_APP_STATE) revert NotFinalState(state.appStateHash);
        Channel storage c = channels[state.channelId];
        Status status = c.status;
        if (status == Status.Closing) {
            _requireWithinPeriod(c);
            if (state.nonce <= c.nonce) revert StaleState(c.nonce, state.nonce);
        } else if (status != Status.Open) {
            _revertStatus(state.channelId, status);
        }
        _verify(c, state, sigA, sigB);

        c.status = Status.Closed;
        c.nonce = state.nonce;
        c.finalizesAt = 0;
        // Effects before interactions: the balances are zeroed (or credited) before any call, and
        // the status is Closed, so a re-entering recipient finds nothing left to take.
        c.balanceA = 0;
        c.balanceB = 0;
        emit ChannelFinalized(state.channelId, state.nonce, state.balanceA, state.balanceB);
        _payOrCredit(state.channelId, c, c.participantA, uint128(state.balanceA), true);
        _payOrCredit(state.channelId, c, c.participantB, uint128(state.balanceB), false);
    }

    /// @notice Unilateral close: registers a co-signed state and starts the challenge period. Anyone
    ///         may submit it (a participant or its watcher); the signatures are what counts.
    function close(ChannelState calldata state, bytes calldata sigA, bytes calldata sigB) external {
        Channel storage c = _channel(state.channelId, Status.Open);
        _verify(c, state, sigA, sigB);
        uint64 finalizesAt = uint64(block.timestamp) + challengePeriod;
        c.status = Status.Closing;
        c.finalizesAt = finalizesAt;
        _register(c, state);
        emit ChannelClosing(state.channelId, msg.sender, state.nonce, state.balanceA, state.balanceB, finalizesAt);
    }

    /// @notice Replaces the registered state with a strictly newer co-signed one during the period.
    ///         The deadline stays: whoever holds the newest state can always post it once in time,
    ///         and a fixed end keeps a dispute from being dragged on by a stream of challenges.
    function challenge(ChannelState calldata state, bytes calldata sigA, bytes calldata sigB) external {
        Channel storage c = _channel(state.channelId, Status.Closing);
        _requireWithinPeriod(c);
        if (state.nonce <= c.nonce) revert StaleState(c.nonce, state.nonce);
        _verify(c, state, sigA, sigB);
        _register(c, state);
        emit ChannelChallenged(state.channelId, state.nonce, state.balanceA, state.balanceB);
    }

    /// @notice Pays the caller its balance of a closed channel (after the challenge period, or what
    ///         an immediate payout could not deliver). Pull payment: each participant collects its
    ///         own share, so a recipient that cannot receive ETH never blocks the other one.
    function withdraw(bytes32 channelId) external nonReentrant returns (uint256 amount) {
        Channel storage c = channels[channelId];
        Status status = c.status;
        if (status == Status.Closing) {
            if (block.timestamp < c.finalizesAt) revert ChallengePeriodRunning(c.finalizesAt, block.timestamp);
            c.status = Status.Closed; // the registered state is final now
            emit ChannelFinalized(channelId, c.nonce, c.balanceA, c.balanceB);
        } else if (status != Status.Closed) {
            _revertStatus(channelId, status);
        }

        if (msg.sender == c.participantA) {
            amount = c.balanceA;
            c.balanceA = 0;
        } else if (msg.sender == c.participantB) {
            amount = c.balanceB;
            c.balanceB = 0;
        } else {
            revert NotParticipant(channelId, msg.sender);
        }
        if (amount == 0) revert NothingToWithdraw(channelId, msg.sender);

        emit Withdrawn(channelId, msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
    }

    // ---------------------------------------------------------------------------------------------
    // Views

    /// @notice keccak256(abi.encode(chainid, this, participantA, participantB, salt)): unique per
    ///         chain, adjudicator, ordered pair and salt, and computable off-chain before `open`.
    function channelIdOf(address participantA, address participantB, bytes32 salt) public view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), participantA, participantB, salt));
    }

    /// @notice Everything stored about a channel; status `None` (0) for an unknown id.
    function channel(bytes32 channelId)
        external
        view
        returns (
            address participantA,
            address participantB,
            Status status,
            uint64 nonce,
            uint64 finalizesAt,
            uint256 balanceA,
            uint256 balanceB
        )
    {
        Channel storage c = channels[channelId];
        return (c.participantA, c.participantB, c.status, c.nonce, c.finalizesAt, c.balanceA, c.balanceB);
    }

    function domainSeparator() public view returns (bytes32) {
        return block.chainid == deployChainId ? cachedDomainSeparator : _buildDomainSeparator();
    }

    /// @notice The EIP-712 digest both participants sign for `state`.
    function stateDigest(ChannelState calldata state) public view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(STATE_TYPEHASH, state.channelId, state.nonce, state.balanceA, state.balanceB, state.appStateHash)
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    // ---------------------------------------------------------------------------------------------
    // Internals

    function _buildDomainSeparator() private view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, block.chainid, address(this)));
    }

    function _channel(bytes32 channelId, Status expected) private view returns (Channel storage c) {
        c = channels[channelId];
        if (c.status != expected) _revertStatus(channelId, c.status);
    }

    function _revertStatus(bytes32 channelId, Status actual) private pure {
        if (actual == Status.None) revert UnknownChannel(channelId);
        revert UnexpectedStatus(channelId, actual);
    }

    function _requireWithinPeriod(Channel storage c) private view {
        if (block.timestamp >= c.finalizesAt) revert ChallengePeriodOver(c.finalizesAt, block.timestamp);
    }

    /// @dev The state must sum to what the channel holds and carry both participants' signatures.
    ///      The channel id is part of the signed struct; checking that a channel exists under it is
    ///      done by the caller (status), so a state for another channel fails on that channel's
    ///      participants or status, never silently.
    function _verify(Channel storage c, ChannelState calldata state, bytes calldata sigA, bytes calldata sigB)
        private
        view
    {
        uint256 deposits = uint256(c.balanceA) + c.balanceB;
        // Written without an addition of the state's balances, which could overflow into a Panic.
        if (state.balanceA > deposits || state.balanceB != deposits - state.balanceA) {
            revert BalanceSumMismatch(deposits, state.balanceA, state.balanceB);
        }
        bytes32 digest = stateDigest(state);
        address a = c.participantA;
        address b = c.participantB;
        if (_recover(digest, sigA) != a) revert InvalidSignature(a);
        if (_recover(digest, sigB) != b) revert InvalidSignature(b);
    }

    /// @dev r || s || v (65 bytes, v 27/28), low-s only. Returns address(0) for anything invalid,
    ///      which never equals a participant (open refuses the zero address).
    function _recover(bytes32 digest, bytes calldata sig) private pure returns (address) {
        if (sig.length != 65) return address(0);
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (uint256(s) > HALF_CURVE_ORDER || (v != 27 && v != 28)) return address(0);
        return ecrecover(digest, v, r, s);
    }

    function _register(Channel storage c, ChannelState calldata state) private {
        // Both fit: _verify checked that they sum to the deposits, which fit in uint128.
        c.nonce = state.nonce;
        c.balanceA = uint128(state.balanceA);
        c.balanceB = uint128(state.balanceB);
    }

    /// @dev Immediate payout with a bounded gas stipend; if the recipient refuses, the amount is
    ///      credited back to the channel for `withdraw` instead of reverting the whole close.
    function _payOrCredit(bytes32 channelId, Channel storage c, address to, uint128 amount, bool isA) private {
        if (amount == 0) return;
        (bool ok,) = to.call{value: amount, gas: PAYOUT_GAS}("");
        if (ok) return;
        if (isA) c.balanceA = amount;
        else c.balanceB = amount;
        emit PayoutDeferred(channelId, to, amount);
    }
}
