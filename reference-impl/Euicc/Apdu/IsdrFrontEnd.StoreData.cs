namespace Conformance.Euicc.Apdu;

public sealed partial class IsdrFrontEnd
{
    /// <summary>P1 of a STORE DATA block that more blocks follow (SGP.22 v2.5 §5.7.2).</summary>
    public const byte StoreDataMoreBlocks = 0x11;

    /// <summary>P1 of the last STORE DATA block of an ES10 command (SGP.22 v2.5 §5.7.2).</summary>
    public const byte StoreDataLastBlock = 0x91;

    /// <summary>
    /// STORE DATA (GlobalPlatform §11.11, SGP.22 v2.5 §5.7.2): CLA '80' | channel, INS 'E2', P1 '11'
    /// for a block followed by more, '91' for the last block, P2 the block number from '00'.
    /// The eUICC accepts any split; the reassembled command goes to the ES10 handler and its
    /// response is chained back.
    /// </summary>
    private byte[] StoreData(ChannelState channel, CommandApdu command)
    {
        if (!channel.IsdrSelected)
        {
            return Sw(StatusWords.ConditionsOfUseNotSatisfied); // STORE DATA before SELECT of the ISD-R
        }
        if (command.P1 is not (StoreDataMoreBlocks or StoreDataLastBlock))
        {
            channel.AbandonStoreData();
            return Sw(StatusWords.IncorrectP1P2);
        }
        if (!command.HasData)
        {
            channel.AbandonStoreData();
            return Sw(StatusWords.WrongLength);
        }
        if (command.P2 == 0)
        {
            channel.StoreData = new MemoryStream(); // block '00' starts a new command
        }
        else if (channel.StoreData is null || command.P2 != channel.NextBlock)
        {
            channel.AbandonStoreData();
            return Sw(StatusWords.IncorrectP1P2); // block out of sequence
        }
        MemoryStream buffer = channel.StoreData!;
        if (buffer.Length + command.Data.Length > _options.MaxCommandLength)
        {
            channel.AbandonStoreData();
            return Sw(StatusWords.NotEnoughMemorySpace);
        }
        buffer.Write(command.Data);
        if (command.P1 == StoreDataMoreBlocks)
        {
            channel.NextBlock = command.P2 + 1;
            return Sw(StatusWords.NormalEnding);
        }
        byte[] es10Command = buffer.ToArray();
        channel.AbandonStoreData();
        return Dispatch(channel, es10Command, command.Ne);
    }

    private byte[] Dispatch(ChannelState channel, byte[] es10Command, int? ne)
    {
        byte[] response;
        try
        {
            response = _handler.Handle(es10Command);
        }
        catch (Es10StatusException e)
        {
            return Sw(e.StatusWord);
        }
#pragma warning disable CA1031 // a failing handler must not take the card down: it answers '6F00'
        catch (Exception)
        {
            return Sw(StatusWords.NoPreciseDiagnosis);
        }
#pragma warning restore CA1031
        return response.Length == 0 ? Sw(StatusWords.NormalEnding) : Respond(channel, response, ne);
    }
}
