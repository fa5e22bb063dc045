#!/usr/bin/env python3
"""Puts the add-on's English i18n file (OH-INF/i18n/<id>.properties) in the order openHAB's i18n tool writes it.

openHAB's `mvn i18n:generate-default-translations` (openhab-core tools/i18n-plugin, 5.2.1) is not on Maven Central,
so this script does what it does to the order, without its network-only dependencies:

- first the sections it generates from OH-INF XML, in this order: add-on, add-on config, thing types, thing types
  config, channel group types, channel types, channel types config; each with its "# <section>" header and a blank
  line, its keys grouped as the tool groups them (an add-on; a thing type with its channel and channel group
  definitions sorted by id; a configuration parameter with its options; a parameter group; a channel type with its
  state options, date pattern and command options), the groups sorted by their first key;
- then what the file has besides, section by section as the file has them ("#" comment lines start a section; the
  tool writes their headers in lower case), blank-line separated groups sorted by their first key, keys it generates
  taken out.

Only the order changes (and a header's case): every key keeps the value the file gives it. A key the tool generates
that the file lacks is added with the XML's text, and a file value that differs from the XML's text is reported, as
the tool would write the XML's text there.

Usage: order-properties.py [--check] [OH-INF directory]   (default: src/main/resources/OH-INF)
--check changes nothing and exits with 1 when the file is not in that order.
"""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

OPTION_ESCAPE = re.compile(r'([ :=])')


def local(tag):
    return tag.rsplit('}', 1)[-1]


def child(element, name):
    for c in element:
        if local(c.tag) == name:
            return c
    return None


def children(element, name):
    return [c for c in element if local(c.tag) == name]


def text(element, name):
    found = None if element is None else child(element, name)
    if found is None or found.text is None:
        return ''
    return ' '.join(found.text.split())


def translated(value):
    return value.strip() != '' and not value.startswith('@text/')


def escape_option(value):
    return OPTION_ESCAPE.sub(r'\\\1', value)


def config_groups(prefix, description):
    """The tool's groups of one config description: each parameter group, then each parameter with its options."""
    groups = []
    for group in children(description, 'parameter-group'):
        name = group.get('name')
        groups.append([('%s.group.%s.label' % (prefix, name), text(group, 'label')),
                       ('%s.group.%s.description' % (prefix, name), text(group, 'description'))])
    for parameter in children(description, 'parameter'):
        key = '%s.%s' % (prefix, parameter.get('name'))
        entries = [(key + '.label', text(parameter, 'label')), (key + '.description', text(parameter, 'description'))]
        options = child(parameter, 'options')
        if options is not None:
            for option in children(options, 'option'):
                entries.append(('%s.option.%s' % (key, escape_option(option.get('value', ''))),
                                ' '.join((option.text or '').split())))
        groups.append(entries)
    return groups


def generated_sections(ohinf):
    """The sections the tool generates from the XML: [(header, [group, ...])], a group a list of (key, text)."""
    addon = ET.parse(ohinf / 'addon' / 'addon.xml').getroot()
    addon_id = addon.get('id')
    config_files = {}
    for path in sorted((ohinf / 'config').glob('*.xml')) if (ohinf / 'config').is_dir() else []:
        for description in children(ET.parse(path).getroot(), 'config-description'):
            config_files[description.get('uri')] = description

    def config_description(element, default_uri):
        inline = child(element, 'config-description')
        if inline is not None:
            return inline.get('uri') or default_uri, inline
        ref = child(element, 'config-description-ref')
        if ref is not None and ref.get('uri') in config_files:
            return ref.get('uri'), config_files[ref.get('uri')]
        return None, None

    def prefix_of(uri):
        return uri.replace(':', '.config.', 1).replace(':', '.')

    addon_section = [[('addon.%s.name' % addon_id, text(addon, 'name')),
                      ('addon.%s.description' % addon_id, text(addon, 'description'))]]
    addon_config = []
    uri, description = config_description(addon, None)
    if description is not None:
        addon_config = config_groups('addon.config.%s' % addon_id if child(addon, 'config-description') is not None
                                     else prefix_of(uri), description)

    thing_types, thing_types_config, group_types, channel_types, channel_types_config = [], [], [], [], []
    for path in sorted((ohinf / 'thing').glob('*.xml')):
        for element in ET.parse(path).getroot():
            kind = local(element.tag)
            type_id = element.get('id')
            if kind in ('thing-type', 'bridge-type'):
                key = 'thing-type.%s.%s' % (addon_id, type_id)
                entries = [(key + '.label', text(element, 'label')), (key + '.description', text(element, 'description'))]
                for container, item, word in (('channels', 'channel', 'channel'),
                                              ('channel-groups', 'channel-group', 'group')):
                    holder = child(element, container)
                    definitions = [] if holder is None else children(holder, item)
                    for definition in sorted(definitions, key=lambda d: d.get('id')):
                        for part in ('label', 'description'):
                            if child(definition, part) is not None:
                                entries.append(('%s.%s.%s.%s' % (key, word, definition.get('id'), part),
                                                text(definition, part)))
                thing_types.append(entries)
                uri, description = config_description(element, 'thing-type:%s:%s' % (addon_id, type_id))
                if description is not None:
                    thing_types_config.extend(config_groups(prefix_of(uri), description))
            elif kind == 'channel-group-type':
                key = 'channel-group-type.%s.%s' % (addon_id, type_id)
                entries = [(key + '.label', text(element, 'label')), (key + '.description', text(element, 'description'))]
                holder = child(element, 'channels')
                for definition in sorted([] if holder is None else children(holder, 'channel'), key=lambda d: d.get('id')):
                    for part in ('label', 'description'):
                        if child(definition, part) is not None:
                            entries.append(('%s.channel.%s.%s' % (key, definition.get('id'), part),
                                            text(definition, part)))
                group_types.append(entries)
            elif kind == 'channel-type':
                key = 'channel-type.%s.%s' % (addon_id, type_id)
                entries = [(key + '.label', text(element, 'label')), (key + '.description', text(element, 'description'))]
                state = child(element, 'state')
                if state is not None:
                    options = child(state, 'options')
                    for option in [] if options is None else children(options, 'option'):
                        entries.append(('%s.state.option.%s' % (key, escape_option(option.get('value', ''))),
                                        ' '.join((option.text or '').split())))
                    if '%1$t' in (state.get('pattern') or ''):
                        entries.append((key + '.state.pattern', state.get('pattern')))
                command = child(element, 'command')
                if command is not None:
                    options = child(command, 'options')
                    for option in [] if options is None else children(options, 'option'):
                        entries.append(('%s.command.option.%s' % (key, option.get('value', '')),
                                        ' '.join((option.text or '').split())))
                channel_types.append(entries)
                uri, description = config_description(element, 'channel-type:%s:%s' % (addon_id, type_id))
                if description is not None:
                    channel_types_config.extend(config_groups(prefix_of(uri), description))
    return addon_id, [('add-on', addon_section), ('add-on config', addon_config), ('thing types', thing_types),
                      ('thing types config', thing_types_config), ('channel group types', group_types),
                      ('channel types', channel_types), ('channel types config', channel_types_config)]


def file_sections(lines):
    """The file as the tool reads it: [(header, [group, ...])], a group a list of (key, value)."""
    sections, groups, entries = [], None, None
    header, in_header = '', False
    for raw in lines:
        line = raw.strip()
        if line == '#':
            line = ''
        if line.startswith('#'):
            if not in_header:
                if groups is not None:
                    sections.append((header, groups))
                header, groups = '', []
            if len(line) > 1:
                header = (header + '\n' if header else '') + line[1:].strip().lower()
            in_header = True
            continue
        in_header = False
        if line:
            index = line.find('=')
            if index == -1:
                print('ignoring a line that is no key = value: ' + line, file=sys.stderr)
            elif not (index > 0 and line[index - 1] == '\\'):
                entries = entries if entries is not None else []
                entries.append((line[:index].strip(), line[index + 1:].strip()))
        elif entries is not None:
            groups = groups if groups is not None else []
            groups.append(entries)
            entries = None
    if entries is not None:
        groups = groups if groups is not None else []
        groups.append(entries)
    if groups is not None:
        sections.append((header, groups))
    return sections


def ordered(ohinf):
    addon_id, generated = generated_sections(ohinf)
    path = ohinf / 'i18n' / (addon_id + '.properties')
    original = path.read_text(encoding='utf-8')
    existing = file_sections(original.splitlines())
    values = {}
    for _, groups in existing:
        for group in groups:
            for key, value in group:
                values.setdefault(key, value)

    out, generated_keys = [], set()
    for header, groups in generated:
        lines = []
        for group in sorted(groups, key=lambda g: g[0][0]):
            for key, xml_text in group:
                if not translated(xml_text):
                    continue
                generated_keys.add(key)
                value = values.get(key)
                if value is None:
                    print('added from the XML: ' + key, file=sys.stderr)
                    value = xml_text
                elif ' '.join(value.split()) != xml_text:
                    print('differs from the XML (openHAB\'s tool would write the XML\'s text): ' + key, file=sys.stderr)
                lines.append('%s = %s' % (key, value))
        if lines:
            out += ['# ' + h for h in header.split('\n')] + [''] + lines + ['']
    for header, groups in existing:
        lines = []
        for group in sorted(groups, key=lambda g: g[0][0]):
            lines += ['%s = %s' % (key, value) for key, value in group
                      if key not in generated_keys and translated(value)]
        if lines:
            out += (['# ' + h for h in header.split('\n')] + [''] if header else []) + lines + ['']
    return path, original, '\n'.join(out)


def main(args):
    check = '--check' in args
    rest = [a for a in args if a != '--check']
    ohinf = Path(rest[0] if rest else 'src/main/resources/OH-INF')
    path, original, result = ordered(ohinf)
    if original == result:
        print('%s is in the order openHAB\'s i18n tool writes' % path)
        return 0
    if check:
        print('%s is not in the order openHAB\'s i18n tool writes: run tools/i18n/order-properties.py' % path,
              file=sys.stderr)
        return 1
    path.write_text(result, encoding='utf-8')
    print('%s reordered' % path)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
