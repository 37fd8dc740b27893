using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Tests.Es10;

/// <summary>ES10b.LoadBoundProfilePackage: one STORE DATA sequence per BPP part, stop at 'BF37'.</summary>
public class LoadBoundProfilePackageTests
{
    private static readonly byte[] TransactionId = [0x01, 0x02, 0x03, 0x04];

    private static byte[] Result(bool success) => new ProfileInstallationResult(
        new ProfileInstallationResultData(TransactionId,
            new NotificationMetadata(7, NamedBitList.Of(0), "testsmdpplus1.example.com", Iccid.FromString("89049032123451234512")),
            "1.3.6.1.4.1.31746",
            success ? new SuccessResult(Convert.FromHexString("A0000005591010FFFFFFFF8900001100"), []) : null,
            success ? null : new ErrorResult(BppCommandId.loadProfileElements, ErrorReason.scp03tSecurityError)),
        new byte[64]).Encode();

    private static BoundProfilePackage Bpp() => new(
        new InitialiseSecureChannelRequest(1, TransactionId, new ControlRefTemplate(0x88, 0x10, [0x01]), new byte[65], new byte[64]),
        [Convert.FromHexString("8703010203")],
        [Convert.FromHexString("8802AABB"), Convert.FromHexString("8802CCDD")],
        null,
        [Convert.FromHexString("8603111111"), Convert.FromHexString("8603222222"), Convert.FromHexString("8603333333")]);

    /// <summary>Answers nothing (9000) to every sequence and 'BF37' to sequence <paramref name="answerAt"/> (1-based).</summary>
    private static ScriptedEs10Handler AnswerAt(int answerAt, bool success = true)
    {
        var h = new ScriptedEs10Handler();
        h.On("", _ => h.Commands.Count == answerAt ? Result(success) : []);
        return h;
    }

    [Test]
    public async Task EachPartOfTheBppIsItsOwnSequenceAndTheResultComesAtTheEnd()
    {
        BoundProfilePackage bpp = Bpp();
        IReadOnlyList<byte[]> chunks = bpp.ToLpaChunks();
        ScriptedEs10Handler h = AnswerAt(chunks.Count);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        LoadBoundProfilePackageResult r = await card.Client.LoadBoundProfilePackageAsync(bpp);

        Assert.That(h.Commands, Is.EqualTo(chunks));
        Assert.That(h.Commands[0][..2], Is.EqualTo(new byte[] { 0xBF, 0x36 }));
        Assert.That(h.Commands[1][0], Is.EqualTo(0xA0));
        Assert.That(r.SequencesSent, Is.EqualTo(chunks.Count));
        Assert.That(r.StoppedEarly, Is.False);
        Assert.That(r.ProfileInstallationResult.ProfileInstallationResultData.SuccessResult, Is.Not.Null);
        Assert.That(card.Recorder.Exchanges.Count(x => x.Kind == Conformance.Adapters.Http.ExchangeKind.Es10), Is.EqualTo(chunks.Count));
    }

    [Test]
    public async Task AnEarlyBF37StopsTheLoading()
    {
        ScriptedEs10Handler h = AnswerAt(3, success: false);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        LoadBoundProfilePackageResult r = await card.Client.LoadBoundProfilePackageAsync(Bpp());

        Assert.That(h.Commands, Has.Count.EqualTo(3));
        Assert.That(r.SequencesSent, Is.EqualTo(3));
        Assert.That(r.StoppedEarly, Is.True);
        Assert.That(r.ProfileInstallationResult.ProfileInstallationResultData.ErrorResult!.ErrorReason, Is.EqualTo(ErrorReason.scp03tSecurityError));
    }

    [Test]
    public async Task NoResultAfterTheLastSequenceIsAProtocolError()
    {
        ScriptedEs10Handler h = AnswerAt(int.MaxValue);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        var e = Assert.ThrowsAsync<Es10ProtocolException>(() => card.Client.LoadBoundProfilePackageAsync(Bpp()))!;
        Assert.That(e.Message, Does.Contain("no ProfileInstallationResult after the last of 9 STORE DATA sequences"));
    }

    [Test]
    public async Task AnAnswerThatIsNotAProfileInstallationResultIsATypedError()
    {
        var h = new ScriptedEs10Handler();
        h.On("", _ => h.Commands.Count == 2 ? [0xBF, 0x37, 0x00] : []);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        var e = Assert.ThrowsAsync<Es10ResponseException>(() => card.Client.LoadBoundProfilePackageAsync(Bpp()))!;
        Assert.That(e.Response, Is.EqualTo(new byte[] { 0xBF, 0x37, 0x00 }));
        Assert.That(e.TypeName, Is.EqualTo("ProfileInstallationResult"));
    }
}
