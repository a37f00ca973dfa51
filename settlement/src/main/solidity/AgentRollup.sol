// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title AgentRollup
/// @notice L1 anchor of the AGNT2 rollup: the sequencer commits, block by block, the state root of
///         the interaction trie and the hash of the block's data (the batch posted as calldata or
///         blob). Everything a later fraud proof, withdrawal or channel dispute needs to check
///         against starts from these two values, so this contract keeps them per block number
///         and nothing else.
/// @dev    Deliberately small: fraud proofs (challenge window, one-step re-execution), deposits and
///         withdrawals, and channel adjudication will be added as their own contracts or modules
///         that read `stateRootOf` / `dataHashOf`. Commitments are therefore stored by number
///         (random access for a challenger), not only emitted as events.
contract AgentRollup {
    /// @notice The only address allowed to commit blocks. The rollup has exactly one sequencer
    ///         (DESIGN.md, "dependency-aware sequenced rollup"), so a single address is enough;
    ///         a rotation is done by the owner, not by the sequencer itself, so that a leaked
    ///         sequencer key cannot lock the operator out.
    address public sequencer;

    /// @notice Operator account that may replace the sequencer (key rotation, failover).
    address public owner;

    /// @notice Number of the last committed block; 0 means none yet. Block numbers start at 1 so
    ///         that 0 can keep meaning "nothing committed" in `lastBlock` and in mappings.
    uint64 public lastBlock;

    /// @dev A struct per block rather than two mappings: one storage slot lookup path per block,
    ///      and room to add fields (e.g. the L1 timestamp that starts a challenge window) without
    ///      another mapping.
    struct Commitment {
        bytes32 stateRoot;
        bytes32 dataHash;
    }

    mapping(uint64 => Commitment) private commitments;

    /// @notice One event per block: an off-chain challenger or explorer can rebuild the whole
    ///         history from logs without reading storage. `number` is indexed so a client can ask
    ///         for one block's commitment directly.
    event BlockCommitted(uint64 indexed number, bytes32 stateRoot, bytes32 dataHash);

    event SequencerChanged(address indexed previousSequencer, address indexed newSequencer);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    /// @notice Caller is not the sequencer (for commits) or not the owner (for administration).
    error Unauthorized(address caller);

    /// @notice Block numbers must be exactly `lastBlock + 1`: a gap would leave a number whose
    ///         state no one can prove, a repeat would let the sequencer rewrite a committed root
    ///         outside the fraud-proof game.
    error UnexpectedBlockNumber(uint64 expected, uint64 given);

    /// @notice The zero address can neither sign commits nor administer; setting it is a mistake.
    error ZeroAddress();

    modifier onlyOwner() {
        if (msg.sender != owner) revert Unauthorized(msg.sender);
        _;
    }

    /// @param initialSequencer the address whose key signs the commit transactions.
    /// @dev The deployer becomes the owner; in development the deployer and the sequencer are the
    ///      same key, in production the owner should be a multisig.
    constructor(address initialSequencer) {
        if (initialSequencer == address(0)) revert ZeroAddress();
        owner = msg.sender;
        sequencer = initialSequencer;
        emit OwnershipTransferred(address(0), msg.sender);
        emit SequencerChanged(address(0), initialSequencer);
    }

    /// @notice Commits block `number` of the rollup.
    /// @param number    must be `lastBlock + 1`.
    /// @param stateRoot root of the interaction trie after executing the block.
    /// @param dataHash  hash of the block's batch data as posted to L1 (what a challenger re-derives
    ///                  the block from).
    function commitBlock(uint64 number, bytes32 stateRoot, bytes32 dataHash) external {
        if (msg.sender != sequencer) revert Unauthorized(msg.sender);
        // Checked arithmetic on purpose: at 2^64-1 blocks a revert is the right outcome, and the
        // few gas an unchecked add would save do not matter next to two SSTOREs.
        uint64 expected = lastBlock + 1;
        if (number != expected) revert UnexpectedBlockNumber(expected, number);

        commitments[number] = Commitment(stateRoot, dataHash);
        lastBlock = number;
        emit BlockCommitted(number, stateRoot, dataHash);
    }

    /// @notice State root committed for `number`, or zero if that block is not committed (yet).
    function stateRootOf(uint64 number) external view returns (bytes32) {
        return commitments[number].stateRoot;
    }

    /// @notice Data hash committed for `number`, or zero if that block is not committed (yet).
    function dataHashOf(uint64 number) external view returns (bytes32) {
        return commitments[number].dataHash;
    }

    /// @notice Replaces the sequencer (key rotation or failover). Commits continue from
    ///         `lastBlock + 1`; nothing already committed changes.
    function setSequencer(address newSequencer) external onlyOwner {
        if (newSequencer == address(0)) revert ZeroAddress();
        emit SequencerChanged(sequencer, newSequencer);
        sequencer = newSequencer;
    }

    /// @notice Hands administration to another account (e.g. from the deploy key to a multisig).
    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}
