using System.Globalization;

namespace CloudLink.Core.Pairing;

/// <summary>The PIN banner of the manual, in the host's language, with the configured cloud's address.</summary>
public static class PinBanner
{
    public static string Format(string pin, Uri cloudUrl, TimeSpan expiresIn, string language)
    {
        var host = cloudUrl.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? cloudUrl.Host.Substring(4) : cloudUrl.Host;
        var page = cloudUrl.GetLeftPart(UriPartial.Authority) + "/account/integrations";
        var count = Math.Max(1, (int)Math.Ceiling(expiresIn.TotalMinutes));
        var minutes = count.ToString(CultureInfo.InvariantCulture);
        var one = count == 1;
        var lines = language switch
        {
            "de" => new[]
            {
                "Bevor du den Client ausführen kannst,",
                "verbinde ihn mit deinem injixo-Konto:",
                $" 1) Melde dich bei {host} an",
                $" 2) Öffne {page}",
                " 3) Wähle die Integration, mit der du den Client verbinden möchtest",
                $" 4) Gib deine PIN ein: {pin} (läuft in {minutes} {(one ? "Minute" : "Minuten")} ab)",
            },
            "nl" => new[]
            {
                "Voordat je de client kunt uitvoeren,",
                "koppel je hem aan je injixo-account:",
                $" 1) Log in op {host}",
                $" 2) Ga naar {page}",
                " 3) Selecteer de integratie waaraan je de client wilt koppelen",
                $" 4) Voer je PIN in: {pin} (verloopt over {minutes} {(one ? "minuut" : "minuten")})",
            },
            "fr" => new[]
            {
                "Avant de pouvoir lancer le client,",
                "reliez-le à votre compte injixo :",
                $" 1) Connectez vous à {host}.",
                $" 2) Ouvrez {page}.",
                " 3) Sélectionnez une intégration à laquelle vous souhaitez connecter le client.",
                $" 4) Entrez votre PIN : {pin} (expire dans {minutes} {(one ? "minute" : "minutes")}).",
            },
            "es" => new[]
            {
                "Antes de poder ejecutar el cliente,",
                "vincúlalo a tu cuenta de injixo:",
                $" 1) Inicia sesión en {host}",
                $" 2) Visita {page}",
                " 3) Selecciona la integración a la que quieres conectar el cliente",
                $" 4) Introduce tu PIN: {pin} (caduca en {minutes} {(one ? "minuto" : "minutos")})",
            },
            _ => new[]
            {
                "Before you are able to run the client,",
                "link it to your injixo account:",
                $" 1) Log in to {host}",
                $" 2) Visit {page}",
                " 3) Select an integration you want to connect the client to",
                $" 4) Enter your pin: {pin} (expires in {minutes} {(one ? "minute" : "minutes")})",
            },
        };
        return string.Join(Environment.NewLine, lines.Select(line => "** " + line));
    }
}
