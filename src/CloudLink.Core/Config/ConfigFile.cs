using System.Globalization;
using System.Text;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using CloudLink.Core.Toml;

namespace CloudLink.Core.Config;

/// <summary>
/// Reads and edits single keys of injixo-cloud-link.toml for 'config get/set' and Set-CloudLinkConfig.
/// Edits keep every comment, blank line and key order; a value that would make the config invalid
/// is refused and the file is left as it was.
/// </summary>
public static class ConfigFile
{
    /// <summary>
    /// The value of a documented key: from the file, or its default (with <c>IsDefault</c>). A
    /// secret comes back as what may be shown of it (<see cref="ConfigSecrets.Display"/>), never itself.
    /// </summary>
    public static (object Value, bool IsDefault) Get(InstancePaths paths, string key)
    {
        var definition = Known(paths, key);
        var document = File.Exists(paths.ConfigFile) ? ConfigLoader.Read(paths) : TomlDocument.Parse(ConfigLoader.DefaultText());
        ConfigLoader.FromDocument(document, paths);
        var value = document.GetValue(key.Split('.'));
        return value is null ? (definition.Default, true) : (Shown(key, value), false);
    }

    /// <summary>Sets a documented key; creates the file from the commented default if it is missing.</summary>
    public static ConfigChange Set(InstancePaths paths, string key, object value)
    {
        var definition = Known(paths, key);
        if (!definition.Accepts(value))
        {
            throw new ConfigException(paths.ConfigFile, key,
                $"this takes {definition.KindDescription}, not {Describe(value)}; to store '{Format(value)}' as text, pass it as a string (--string).");
        }

        var created = !File.Exists(paths.ConfigFile);
        var document = created ? TomlDocument.Parse(ConfigLoader.DefaultText()) : ConfigLoader.Read(paths);
        var previous = document.GetValue(key.Split('.'));
        var before = created ? null : Problem(document, paths);
        var edited = TomlEditor.Set(document, key, value);
        if (Problem(edited, paths) is { } after)
        {
            // An edit that leaves a problem the file already had is not the new value's fault.
            throw after.Key == before?.Key && after.Reason == before?.Reason
                ? new ConfigException(paths.ConfigFile, key,
                    $"not changed: the file was invalid before this edit: {after.Key ?? ""}: {after.Reason} Fix {after.Key} first ('injixo-cloud-link config set {after.Key} VALUE'), then set {key}.")
                : new ConfigException(paths.ConfigFile, key, $"not changed: the new value would make the config invalid: {after.Key ?? ""}: {after.Reason}");
        }

        Directory.CreateDirectory(paths.Folder);
        AtomicFile.Write(paths.ConfigFile, edited.ToUtf8(), privateFile: false, keepModeOf: created ? null : paths.ConfigFile);
        if (ConfigSecrets.Holds(edited))
        {
            // Owner and group (the service user) keep their access; others lose theirs.
            NativeUnix.RemoveOthersAccess(paths.ConfigFile);
        }

        return new ConfigChange(key, Shown(key, previous ?? definition.Default), Shown(key, value), created);
    }

    private static ConfigException? Problem(TomlDocument document, InstancePaths paths)
    {
        try
        {
            ConfigLoader.FromDocument(document, paths);
            return null;
        }
        catch (ConfigException e)
        {
            return e;
        }
    }

    /// <summary>The value itself, or for a secret what may be shown of it.</summary>
    private static object Shown(string key, object value) => ConfigSecrets.IsSecret(key, value) ? ConfigSecrets.Display(key, value) : value;

    /// <summary>Reads a command-line value: true/false as booleans, integers and decimals as numbers, the rest as text.</summary>
    public static object ParseValue(string text, bool forceString)
    {
        if (forceString)
        {
            return text;
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return text.Any(char.IsDigit) && text.All(c => char.IsDigit(c) || c is '.' or '-' or '+' or 'e' or 'E') &&
               double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : text;
    }

    /// <summary>A value as the CLI prints it: text as is, the rest in TOML form.</summary>
    public static string Format(object value) => value is string text ? text : TomlFormatter.Value(value);

    private static ConfigKey Known(InstancePaths paths, string key)
    {
        var definition = ConfigSchema.Find(key);
        if (definition is not null)
        {
            return definition;
        }

        var suggestion = ConfigSchema.Suggest(key);
        throw new ConfigException(paths.ConfigFile, key,
            $"unknown key{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} Known keys: {string.Join(", ", ConfigSchema.Keys.Select(k => k.Path))}.");
    }

    private static string Describe(object value) => value switch
    {
        bool => "a boolean",
        long => "a whole number",
        double => "a number",
        _ => "text",
    };
}

/// <summary>What a 'config set' changed.</summary>
/// <summary>A change of one key; a secret's values are what may be shown of them, never the values.</summary>
public sealed record ConfigChange(string Key, object OldValue, object NewValue, bool CreatedFile);
