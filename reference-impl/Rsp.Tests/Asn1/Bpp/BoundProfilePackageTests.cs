using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>InitialiseSecureChannelRequest and the Bound Profile Package (SGP.22 v2.2.2 §2.5.4, §2.5.5, §5.5.1).</summary>
public class BoundProfilePackageTests
{
    private static readonly string Tid = "0102030405060708090A0B0C0D0E0F10";
    private static readonly string SmdpOtpk = "04" + Tlv.Repeat("11", 64);
    private static readonly string EuiccOtpk = "04" + Tlv.Repeat("22", 64);
    private static readonly string Signature = Tlv.Repeat("33", 64);

    // remoteOpId 82, transactionId 80, controlRefTemplate A6 {80 keyType, 81 keyLen, 84 hostId}, smdpOtpk 5F49.
    private static readonly string SignedDos =
        "820101" + Tlv.Of("80", Tid) + Tlv.Of("A6", "800188", "810110", Tlv.Of("84", "8080808080808080")) + Tlv.Of("5F49", SmdpOtpk);

    private static readonly string Iscr = Tlv.Of("BF23", SignedDos, Tlv.Of("5F37", Signature));

    private static readonly string A0 = Tlv.Of("A0", Tlv.Of("87", "010203"));
    private static readonly string A1 = Tlv.Of("A1", Tlv.Of("88", "AABB"), Tlv.Of("88", "CC"));
    private static readonly string A2 = Tlv.Of("A2", Tlv.Of("87", "0102"));
    private static readonly string A3 = Tlv.Of("A3", Tlv.Of("86", "1122"), Tlv.Of("86", "33"), Tlv.Of("86", Tlv.Repeat("44", 200)));
    private static readonly string Bpp = Tlv.Of("BF36", Iscr, A0, A1, A2, A3);

    [Test]
    public void InitialiseSecureChannelRequestDecodesEveryField()
    {
        var m = InitialiseSecureChannelRequest.Decode(Tlv.Bytes(Iscr));
        Assert.Multiple(() =>
        {
            Assert.That(m.RemoteOpId, Is.EqualTo(InitialiseSecureChannelRequest.InstallBoundProfilePackage));
            Assert.That(Tlv.HexOf(m.TransactionId), Is.EqualTo(Tid));
            Assert.That(m.ControlRefTemplate.KeyType, Is.EqualTo(0x88));
            Assert.That(m.ControlRefTemplate.KeyLen, Is.EqualTo(0x10));
            Assert.That(Tlv.HexOf(m.ControlRefTemplate.HostId), Is.EqualTo("8080808080808080"));
            Assert.That(Tlv.HexOf(m.SmdpOtpk), Is.EqualTo(SmdpOtpk));
            Assert.That(Tlv.HexOf(m.SmdpSign), Is.EqualTo(Signature));
            Assert.That(Tlv.HexOf(m.SignedDataObjects.ToArray()), Is.EqualTo(SignedDos));
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(Iscr));
        });
    }

    [Test]
    public void DataToBeSignedIsTheFourDataObjectsAndTheEuiccOtpkTlv()
    {
        string expected = SignedDos + Tlv.Of("5F49", EuiccOtpk);
        var decoded = InitialiseSecureChannelRequest.Decode(Tlv.Bytes(Iscr));
        var built = new InitialiseSecureChannelRequest(1, Tlv.Bytes(Tid), new ControlRefTemplate(0x88, 0x10, Tlv.Bytes("8080808080808080")),
            Tlv.Bytes(SmdpOtpk), Tlv.Bytes(Signature));
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(decoded.DataToBeSigned(Tlv.Bytes(EuiccOtpk))), Is.EqualTo(expected));
            Assert.That(Tlv.HexOf(built.DataToBeSigned(Tlv.Bytes(EuiccOtpk))), Is.EqualTo(expected));
            Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(Iscr));
        });
    }

    [Test]
    public void ChangingASignedFieldDropsTheKeptBytes()
    {
        var decoded = InitialiseSecureChannelRequest.Decode(Tlv.Bytes(Iscr));
        var changed = decoded with { RemoteOpId = 2 };
        Assert.That(changed.SignedDataObjects.IsEmpty, Is.True);
        Assert.That(Tlv.HexOf(changed.Encode()), Does.Contain("820102"));
        var sigOnly = decoded with { SmdpSign = [1] };
        Assert.That(sigOnly.SignedDataObjects.IsEmpty, Is.False, "smdpSign is not part of the signed data");
    }

    [Test]
    public void InitialiseSecureChannelRequestMalformed()
    {
        Malformed.CheckFraming(d => InitialiseSecureChannelRequest.Decode(d), Iscr, "InitialiseSecureChannelRequest");
        // smdpSign missing.
        var e = Tlv.Fails(() => InitialiseSecureChannelRequest.Decode(Tlv.Bytes(Tlv.Of("BF23", SignedDos))),
            "InitialiseSecureChannelRequest", 3 + SignedDos.Length / 2);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory smdpSign"));
        // keyLen missing inside the CRT: the error names ControlRefTemplate.
        string badCrt = Tlv.Of("BF23", "820101", Tlv.Of("80", Tid), Tlv.Of("A6", "800188", Tlv.Of("84", "80")), Tlv.Of("5F49", SmdpOtpk), Tlv.Of("5F37", Signature));
        Tlv.Fails(() => InitialiseSecureChannelRequest.Decode(Tlv.Bytes(badCrt)), "ControlRefTemplate", 4 + 3 + 18 + 2 + 3);
    }

    [Test]
    public void BoundProfilePackageRoundTrips()
    {
        var bpp = BoundProfilePackage.Decode(Tlv.Bytes(Bpp));
        Assert.Multiple(() =>
        {
            Assert.That(bpp.FirstSequenceOf87.Select(x => Tlv.HexOf(x.ToArray())), Is.EqualTo(new[] { "8703010203" }));
            Assert.That(bpp.SequenceOf88.Select(x => Tlv.HexOf(x.ToArray())), Is.EqualTo(new[] { "8802AABB", "8801CC" }));
            Assert.That(bpp.SecondSequenceOf87!.Select(x => Tlv.HexOf(x.ToArray())), Is.EqualTo(new[] { "87020102" }));
            Assert.That(bpp.SequenceOf86, Has.Count.EqualTo(3));
            Assert.That(Tlv.HexOf(bpp.SequenceOf86[2].ToArray()), Does.StartWith("8681C8"));
            Assert.That(Tlv.HexOf(bpp.Encode()), Is.EqualTo(Bpp));
        });
        var built = new BoundProfilePackage(bpp.InitialiseSecureChannelRequest,
            [Tlv.Bytes("8703010203")], [Tlv.Bytes("8802AABB"), Tlv.Bytes("8801CC")], [Tlv.Bytes("87020102")],
            bpp.SequenceOf86.Select(x => (ReadOnlyMemory<byte>)x.ToArray()).ToList());
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(Bpp));
    }

    [Test]
    public void BoundProfilePackageWithoutSecondSequenceOf87()
    {
        string hex = Tlv.Of("BF36", Iscr, A0, A1, A3);
        var bpp = BoundProfilePackage.Decode(Tlv.Bytes(hex));
        Assert.That(bpp.SecondSequenceOf87, Is.Null);
        Assert.That(bpp.SecondSequenceOf87Header, Is.Null);
        Assert.That(Tlv.HexOf(bpp.Encode()), Is.EqualTo(hex));
    }

    [Test]
    public void LpaChunksFollowSection255()
    {
        var bpp = BoundProfilePackage.Decode(Tlv.Bytes(Bpp));
        string bf36Header = Bpp[..(Bpp.Length - (Iscr + A0 + A1 + A2 + A3).Length)];
        string[] expected =
        [
            bf36Header + Iscr,
            A0,
            A1[..4], "8802AABB", "8801CC",
            A2,
            A3[..6], "86021122", "860133", Tlv.Of("86", Tlv.Repeat("44", 200)),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(bf36Header, Does.StartWith("BF3682"), "the BPP here is longer than 255 bytes");
            Assert.That(bpp.ToLpaChunks().Select(Tlv.HexOf), Is.EqualTo(expected));
            Assert.That(Tlv.HexOf(bpp.Header), Is.EqualTo(bf36Header));
            Assert.That(Tlv.HexOf(bpp.SequenceOf88Header), Is.EqualTo(A1[..4]));
            Assert.That(Tlv.HexOf(bpp.SequenceOf86Header), Is.EqualTo(A3[..6]));
            Assert.That(Tlv.HexOf(bpp.FirstSequenceOf87Header), Is.EqualTo(A0[..4]));
        });
        var again = BoundProfilePackage.FromLpaChunks(expected.Select(h => (ReadOnlyMemory<byte>)Tlv.Bytes(h)));
        Assert.That(Tlv.HexOf(again.Encode()), Is.EqualTo(Bpp));
    }

    [Test]
    public void ChunkReaderReportsEachSequenceAsItArrives()
    {
        var bpp = BoundProfilePackage.Decode(Tlv.Bytes(Bpp));
        var reader = new BppChunkReader();
        var kinds = new List<BppChunkKind>();
        foreach (byte[] chunk in bpp.ToLpaChunks())
        {
            Assert.That(reader.IsComplete, Is.False);
            BppChunk c = reader.Accept(chunk);
            kinds.Add(c.Kind);
            if (c.Kind == BppChunkKind.InitialiseSecureChannel)
            {
                Assert.That(c.InitialiseSecureChannelRequest!.RemoteOpId, Is.EqualTo(1));
            }
        }
        Assert.That(reader.IsComplete, Is.True);
        Assert.That(reader.Offset, Is.EqualTo(Tlv.Bytes(Bpp).Length));
        Assert.That(kinds, Is.EqualTo(new[]
        {
            BppChunkKind.InitialiseSecureChannel, BppChunkKind.FirstSequenceOf87Segment,
            BppChunkKind.SequenceOf88Header, BppChunkKind.SequenceOf88Segment, BppChunkKind.SequenceOf88Segment,
            BppChunkKind.SecondSequenceOf87Segment, BppChunkKind.SequenceOf86Header,
            BppChunkKind.SequenceOf86Segment, BppChunkKind.SequenceOf86Segment, BppChunkKind.SequenceOf86Segment,
        }));
    }

    [Test]
    public void ChunkReaderRejectsAWrongSplitOrOrder()
    {
        var chunks = BoundProfilePackage.Decode(Tlv.Bytes(Bpp)).ToLpaChunks();
        int afterIscr = chunks[0].Length;

        // A1 before A0.
        var r = new BppChunkReader();
        r.Accept(chunks[0]);
        var e = Tlv.Fails(() => r.Accept(chunks[2]), "BoundProfilePackage", afterIscr);
        Assert.That(e.Problem, Does.Contain("firstSequenceOf87"));

        // The A0 header alone, without its first 87.
        r = new BppChunkReader();
        r.Accept(chunks[0]);
        e = Tlv.Fails(() => r.Accept(chunks[1][..2]), "BoundProfilePackage");
        Assert.That(e.Problem, Does.Contain("first segment"));

        // Two 88 in one STORE DATA sequence.
        r = new BppChunkReader();
        r.Accept(chunks[0]);
        r.Accept(chunks[1]);
        r.Accept(chunks[2]);
        e = Tlv.Fails(() => r.Accept(chunks[3].Concat(chunks[4]).ToArray()), "BoundProfilePackage");
        Assert.That(e.Problem, Does.Contain("trailing"));

        // BF36 header and BF23 split over two sequences.
        r = new BppChunkReader();
        Tlv.Fails(() => r.Accept(chunks[0][..10]), "InitialiseSecureChannelRequest");

        // Stopping early.
        e = Tlv.Fails(() => BoundProfilePackage.FromLpaChunks(chunks.Take(5).Select(c => (ReadOnlyMemory<byte>)c)), "BoundProfilePackage");
        Assert.That(e.Problem, Does.Contain("incomplete"));

        // Anything after the end.
        r = new BppChunkReader();
        foreach (byte[] c in chunks)
        {
            r.Accept(c);
        }
        e = Tlv.Fails(() => r.Accept(new byte[] { 0x86, 0x00 }), "BoundProfilePackage", Tlv.Bytes(Bpp).Length);
        Assert.That(e.Problem, Does.Contain("overruns").Or.Contains("after the end"));
    }

    [Test]
    public void BoundProfilePackageMalformed()
    {
        Malformed.CheckFraming(d => BoundProfilePackage.Decode(d), Bpp, "BoundProfilePackage");
        // sequenceOf86 missing.
        string noA3 = Tlv.Of("BF36", Iscr, A0, A1);
        var e = Tlv.Fails(() => BoundProfilePackage.Decode(Tlv.Bytes(noA3)), "BoundProfilePackage", Tlv.Bytes(noA3).Length);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory sequenceOf86"));
        // An 88 inside firstSequenceOf87.
        string wrongSegment = Tlv.Of("BF36", Iscr, Tlv.Of("A0", "8801AA"), A1, A3);
        e = Tlv.Fails(() => BoundProfilePackage.Decode(Tlv.Bytes(wrongSegment)), "BoundProfilePackage");
        Assert.That(e.Problem, Does.Contain("expected tag 87"));
    }

    [Test]
    public void BoundProfilePackageUnknownExtensionSurvivesAndIsChunked()
    {
        string hex = Tlv.Of("BF36", Iscr, A0, A1, A3, "9F7F0101");
        var bpp = BoundProfilePackage.Decode(Tlv.Bytes(hex));
        Assert.That(bpp.Extensions, Has.Count.EqualTo(1));
        Assert.That(Tlv.HexOf(bpp.Encode()), Is.EqualTo(hex));
        var chunks = bpp.ToLpaChunks();
        Assert.That(Tlv.HexOf(chunks[^1]), Is.EqualTo("9F7F0101"));
        Assert.That(Tlv.HexOf(BoundProfilePackage.FromLpaChunks(chunks.Select(c => (ReadOnlyMemory<byte>)c)).Encode()), Is.EqualTo(hex));
    }
}
